import { getCollection, getEntry } from 'astro:content';
import type { Ministry } from '../../schemas/ministry';
import type { Overview } from '../../schemas/overview';
import type { Policy } from '../../schemas/policy';
import type { Topic } from '../../schemas/topic';
import { compareChronologically } from './timeline';

/** A policy with its id. */
export interface PolicyDoc extends Policy {
  id: string;
}

/** Everything the pages are built from: the documents, the registries and the report's overview. */
export interface Corpus {
  /** All documents, oldest first. */
  policies: PolicyDoc[];
  /** Issuing bodies by id, in registry order. */
  ministries: Map<string, Ministry>;
  /** Topics by id, in registry order. */
  topics: Map<string, Topic>;
  /** The report's introduction and thematic sections. */
  overview: Overview;
}

/** The whole corpus in one call: a page calls it once (in getStaticPaths if it has one) and passes what it needs on as props. */
export async function getCorpus(): Promise<Corpus> {
  const [policies, ministries, topics, overview] = await Promise.all([getPolicies(), getMinistries(), getTopics(), getOverview()]);
  return { policies, ministries, topics, overview };
}

async function getPolicies(): Promise<PolicyDoc[]> {
  const entries = await getCollection('policies');
  return entries.map((entry) => ({ id: entry.id, ...entry.data })).sort(compareChronologically);
}

async function getMinistries(): Promise<Map<string, Ministry>> {
  const entries = (await getCollection('ministries')).sort((a, b) => a.data.order - b.data.order);
  return new Map(entries.map((entry) => [entry.id, entry.data]));
}

async function getTopics(): Promise<Map<string, Topic>> {
  const entries = (await getCollection('topics')).sort((a, b) => a.data.order - b.data.order);
  return new Map(entries.map((entry) => [entry.id, entry.data]));
}

async function getOverview(): Promise<Overview> {
  const entry = await getEntry('overview', 'overview');
  if (!entry) throw new Error('content/overview.mdx did not load');
  return entry.data;
}

/** Looks an id up in a registry map; the loader has already checked that it exists. */
export function lookup<T>(map: Map<string, T>, id: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`unknown id "${id}"`);
  return value;
}
