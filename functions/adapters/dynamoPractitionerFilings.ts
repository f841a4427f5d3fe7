import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { EmployerKind } from '../../domain/participants/participant.ts';
import {
  type FilingDecision,
  type FilingRef,
  type PractitionerFiling,
  type PractitionerFilingStore,
  PractitionerFilingStoreError,
} from '../ports/practitionerFilings.ts';
import { decidePending, isConditionFailure, readAll } from './dynamoSupport.ts';
import { participationKeys } from './participationKeys.ts';

type Employer = { readonly kind: EmployerKind; readonly code: string };

const keyOf = (r: FilingRef) => ({
  PK: participationKeys.practitionerFilings(r.year, r.league),
  SK: `${participationKeys.practitionerFilingOf(r.employer.kind, r.employer.code)}${r.residentId}`,
});

/**
 * Practitioners filed by their employers on DynamoDB (docs/storage.md): one item per practitioner,
 * year and employer, under the league the employer filed to; an employer's filings share a sort-key prefix.
 */
export class DynamoPractitionerFilings implements PractitionerFilingStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async file(f: PractitionerFiling): Promise<'filed' | 'exists'> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keyOf(f), filing: f, status: f.status },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return 'filed';
    } catch (cause) {
      if (isConditionFailure(cause)) return 'exists';
      throw new PractitionerFilingStoreError('DynamoDB practitioner filing write failed', { cause });
    }
  }

  async filing(ref: FilingRef): Promise<PractitionerFiling | null> {
    try {
      const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: keyOf(ref) }));
      return (out.Item?.filing as PractitionerFiling | undefined) ?? null;
    } catch (cause) {
      throw new PractitionerFilingStoreError('DynamoDB practitioner filing read failed', { cause });
    }
  }

  filingsOfEmployer(year: number, league: LeagueCode, employer: Employer): Promise<PractitionerFiling[]> {
    return this.query(year, league, participationKeys.practitionerFilingOf(employer.kind, employer.code));
  }

  filingsOfLeague(year: number, league: LeagueCode): Promise<PractitionerFiling[]> {
    return this.query(year, league, null);
  }

  async decide(ref: FilingRef, d: FilingDecision): Promise<'decided' | 'notPending'> {
    const out = await decidePending(this.doc, this.table, keyOf(ref), 'filing', d);
    if (typeof out === 'object')
      throw new PractitionerFilingStoreError('DynamoDB practitioner filing decision failed', { cause: out.failed });
    return out;
  }

  private async query(year: number, league: LeagueCode, prefix: string | null): Promise<PractitionerFiling[]> {
    try {
      const items = await readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        KeyConditionExpression: prefix === null ? 'PK = :pk' : 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':pk': participationKeys.practitionerFilings(year, league),
          ...(prefix === null ? {} : { ':prefix': prefix }),
        },
      });
      return items.map((i) => i.filing as PractitionerFiling);
    } catch (cause) {
      throw new PractitionerFilingStoreError('DynamoDB practitioner filings read failed', { cause });
    }
  }
}
