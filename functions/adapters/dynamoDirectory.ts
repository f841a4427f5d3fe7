import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SUBJECT_KINDS } from '../../domain/catalogue/kinds.ts';
import { JURISDICTION_CODES } from '../../domain/identifiers/leagues.ts';
import type { SubjectDirectory, SubjectRef } from '../ports/store.ts';
import { readAll } from './dynamoSupport.ts';
import { keys } from './keys.ts';

/** Every registered subject, by the league index of their profiles. */
export class DynamoSubjectDirectory implements SubjectDirectory {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /**
   * Every subject, by the league index of their profiles (docs/storage.md #10, #13): one Query per
   * league and kind (and `none` for practitioners without a league), split into segments so the
   * planner can read them in parallel — never a Scan of every record.
   */
  async listSubjects(segment: number, totalSegments: number): Promise<SubjectRef[]> {
    const partitions = [...JURISDICTION_CODES, null].flatMap((league) =>
      SUBJECT_KINDS.map((kind) => keys.league(league, kind)),
    );
    const mine = partitions.filter((_, i) => i % totalSegments === segment);
    const out: SubjectRef[] = [];
    for (const partition of mine) {
      const items = await readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :p',
        ExpressionAttributeValues: { ':p': partition },
        ProjectionExpression: 'PK',
      });
      for (const item of items) out.push(keys.subjectOf(item.PK as string));
    }
    return out;
  }
}
