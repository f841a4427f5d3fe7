/**
 * Counts the DynamoDB calls and the items they write, as a middleware on an SDK client (every
 * document client made from it shares its middleware stack). A write refused by its condition writes
 * nothing; a batch write's unprocessed items are not counted (their retry is).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface DynamoCounts {
  calls: number;
  itemsWritten: number;
  byCommand: Record<string, number>;
}

/** `PutItemCommand` and the document client's `PutCommand` alike: `Put`. */
const operation = (commandName: string): string => commandName.replace(/(Items?)?Command$/, '');

const writtenBy = (command: string, input: Record<string, unknown>, output: Record<string, unknown>): number => {
  switch (command) {
    case 'Put':
    case 'Update':
    case 'Delete':
      return 1;
    case 'TransactWrite':
      return ((input.TransactItems as Record<string, unknown>[] | undefined) ?? []).filter((i) => !i.ConditionCheck)
        .length;
    case 'BatchWrite': {
      const count = (r: unknown) =>
        Object.values((r as Record<string, unknown[]> | undefined) ?? {}).reduce((n, xs) => n + xs.length, 0);
      return count(input.RequestItems) - count(output.UnprocessedItems);
    }
    default:
      return 0;
  }
};

/** Starts counting on `client`; `take()` returns the counts so far and starts again from zero. */
export const countDynamo = (client: DynamoDBClient): { take(): DynamoCounts; peek(): DynamoCounts } => {
  let counts: DynamoCounts = { calls: 0, itemsWritten: 0, byCommand: {} };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = operation(context.commandName ?? 'unknown');
      counts.calls++;
      counts.byCommand[command] = (counts.byCommand[command] ?? 0) + 1;
      const result = await next(args);
      counts.itemsWritten += writtenBy(
        command,
        args.input as Record<string, unknown>,
        (result.output ?? {}) as unknown as Record<string, unknown>,
      );
      return result;
    },
    // After the document client's marshalling, so the input is the wire form's structure.
    { step: 'initialize', name: 'countDynamoCalls', override: true },
  );
  return {
    take() {
      const out = counts;
      counts = { calls: 0, itemsWritten: 0, byCommand: {} };
      return out;
    },
    peek: () => ({ ...counts, byCommand: { ...counts.byCommand } }),
  };
};
