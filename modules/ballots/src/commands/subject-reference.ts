import { type Actor, type ReferenceKind, requireReferences } from '@linli/core';
import type { Db } from '@linli/db';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';

const atNode = (table: string) =>
  sql`${sql.raw(table)} x JOIN ${territorySql.nodes('n')} ON n.tenant_id = x.tenant_id AND n.id = x.node_id`;

/**
 * The records of the co-governance modules a ballot may be about, or a meeting's agenda item may
 * name, by `{ kind, id }`, each in scope where its place is. A subject of a kind listed here is
 * checked like any other reference: one of another community or county answers exactly like an
 * unknown id. Kinds with no table here (a later module's, such as owners' decisions) pass unchecked.
 */
const subjects: Record<string, ReferenceKind> = {
  topic: { name: 'subject_topic', noun: 'Topic', from: sql`deliberation_topic x`, path: sql`x.node_path` },
  ballot: { name: 'subject_ballot', noun: 'Ballot', from: sql`ballot x`, path: sql`x.place_path` },
  meeting: { name: 'subject_meeting', noun: 'Meeting', from: atNode('meeting'), path: sql`n.path` },
  resolution: { name: 'subject_resolution', noun: 'Resolution', from: atNode('resolution'), path: sql`n.path` },
  conversation: { name: 'subject_conversation', noun: 'Conversation', from: atNode('opinion_conversation'), path: sql`n.path` },
};

/** Checks the ids of subjects of a known kind against `scope` (404 naming the field, as for an unknown id). */
export async function requireSubjects(
  db: Db,
  actor: Actor,
  scope: string[],
  named: { field: string; kind: string; id?: string | null }[],
): Promise<void> {
  const input: Record<string, string> = {};
  const rules: Record<string, ReferenceKind> = {};
  for (const s of named) {
    const kind = subjects[s.kind];
    if (!s.id || !kind) continue;
    input[s.field] = s.id;
    rules[s.field] = kind;
  }
  if (Object.keys(rules).length > 0) await requireReferences(db, actor, scope, input, rules);
}
