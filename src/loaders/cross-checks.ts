/**
 * Checks across entries and files: what one policy file says about another (its successor, its
 * Table 1 row), names the registry gives to two bodies, and what the registries need from the
 * policies (topics in use). Each check adds ContentProblems.
 */
import type { Ministry } from '../schemas/ministry';
import type { Topic } from '../schemas/topic';
import type { ContentProblem } from './content-error';
import type { PolicyEntry } from './load-corpus';

/** The policy files as loaded: the valid entries, the ids of all, those that failed, and the line of each frontmatter key. */
export interface LoadedPolicies {
  entries: PolicyEntry[];
  ids: Set<string>;
  failedIds: Set<string>;
  /** Frontmatter key → line, by policy id. */
  lines: Map<string, Record<string, number>>;
}

/** A successor named by `policy:` must be another policy file on this site. */
export function checkSuccessors(policies: LoadedPolicies, problems: ContentProblem[]) {
  for (const policy of policies.entries) {
    const successor = policy.data.status.successor?.policy;
    if (!successor) continue;
    const at = { file: policy.filePath, line: policies.lines.get(policy.id)?.status, field: 'status.successor.policy' };
    if (successor === policy.id) {
      problems.push({ ...at, message: `names this policy file itself; a successor is the later policy that replaced this one` });
    } else if (!policies.ids.has(successor)) {
      problems.push({ ...at, message: `names "${successor}", which is not a policy id on this site` });
    }
  }
}

/**
 * The entries with each successor given by `policy:` completed from that policy file: its
 * title, 发文字号 and date (published, else signed), where the successor does not give them.
 */
export function withResolvedSuccessors(entries: PolicyEntry[]): PolicyEntry[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry.data]));
  return entries.map((entry) => {
    const successor = entry.data.status.successor;
    const named = successor?.policy ? byId.get(successor.policy) : undefined;
    if (!successor || !named) return entry;
    const resolved = {
      title: named.title,
      documentNumber: named.documentNumber,
      date: named.published ?? named.signed,
      ...withoutUndefined(successor),
    };
    return { ...entry, data: { ...entry.data, status: { ...entry.data.status, successor: withoutUndefined(resolved) } } };
  });
}

/** Each Table 1 row belongs to one policy file. */
export function checkTableRows(policies: LoadedPolicies, problems: ContentProblem[]) {
  const fileByRow = new Map<number, string>();
  for (const policy of policies.entries) {
    const row = policy.data.tableRow;
    if (row === undefined) continue;
    const first = fileByRow.get(row);
    if (first) {
      problems.push({
        file: policy.filePath,
        line: policies.lines.get(policy.id)?.tableRow,
        field: 'tableRow',
        message: `row ${row} of Table 1 is claimed by ${first} already; each row belongs to one policy file`,
      });
    } else {
      fileByRow.set(row, policy.filePath);
    }
  }
}

/**
 * A name, short name, alias or abbreviation points to one issuing body: search and the pages resolve
 * 发改委 or NDRC to a single body. `labels` name the entries the way the registry's other problems do.
 */
export function checkMinistryNames(ministries: Ministry[], labels: string[], file: string, problems: ContentProblem[]) {
  const owners = new Map<string, { id: string; kind: string }>();
  ministries.forEach((ministry, index) => {
    const names = [
      { field: 'name', kind: 'the full name', value: ministry.name },
      ...ministry.shortNames.map((value, position) => ({ field: `shortNames[${position}]`, kind: 'a short name', value })),
      ...ministry.aliases.map((value, position) => ({ field: `aliases[${position}]`, kind: 'an alias', value })),
      ...ministry.abbreviations.map((value, position) => ({ field: `abbreviations[${position}]`, kind: 'an abbreviation', value })),
    ];
    for (const { field, kind, value } of names) {
      const owner = owners.get(value);
      if (!owner) {
        owners.set(value, { id: ministry.id, kind });
      } else if (owner.id !== ministry.id) {
        problems.push({
          file,
          field: `${labels[index]}.${field}`,
          message: `"${value}" is ${owner.kind} of "${owner.id}" already; a name, short name, alias or abbreviation points to one body: keep it on "${owner.id}" or on "${ministry.id}"`,
        });
      }
    }
  });
}

/** Every topic of the registry is given to at least one clause. */
export function checkTopicCoverage(topics: Topic[], policies: PolicyEntry[], file: string, problems: ContentProblem[]) {
  const used = new Set(policies.flatMap((policy) => policy.data.clauses.flatMap((clause) => clause.topics)));
  topics.forEach((topic, index) => {
    if (!used.has(topic.id)) problems.push({ file, field: `[${index}] (id "${topic.id}")`, message: 'no clause has this topic; every topic needs at least one clause' });
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
