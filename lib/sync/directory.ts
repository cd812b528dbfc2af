/**
 * A directory edit as commands: what changed between the workspace before and after an edit in
 * the options page, as the team server's directory operations (one command each). Only the
 * shared directory travels — bodies, topics, locations; the person's own settings stay local.
 * Pure.
 */
import type { Workspace } from '../workflow/workspace';
import type { DirectoryArgs } from './protocol';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function directoryOps(
  before: Pick<Workspace, 'bodies' | 'topics' | 'locations'>,
  after: Pick<Workspace, 'bodies' | 'topics' | 'locations'>,
): DirectoryArgs[] {
  const ops: DirectoryArgs[] = [];
  const oldBodies = new Map(before.bodies.map((b) => [b.id, b]));
  const newBodies = new Set(after.bodies.map((b) => b.id));
  for (const b of after.bodies) if (!same(oldBodies.get(b.id), b)) ops.push({ op: 'putBody', body: b });
  for (const b of before.bodies) if (!newBodies.has(b.id)) ops.push({ op: 'removeBody', id: b.id });
  const oldTopics = new Map(before.topics.map((t) => [t.id, t]));
  const newTopics = new Set(after.topics.map((t) => t.id));
  for (const t of after.topics) if (!same(oldTopics.get(t.id), t)) ops.push({ op: 'putTopic', topic: t });
  for (const t of before.topics) if (!newTopics.has(t.id)) ops.push({ op: 'removeTopic', id: t.id });
  const oldLocations = new Set(before.locations);
  const newLocations = new Set(after.locations);
  for (const l of after.locations) if (!oldLocations.has(l)) ops.push({ op: 'putLocation', name: l });
  for (const l of before.locations) if (!newLocations.has(l)) ops.push({ op: 'removeLocation', name: l });
  return ops;
}

/** The shared directory a pull brings, laid over the person's own workspace (their settings kept). */
export function withDirectory(local: Workspace, directory: Pick<Workspace, 'region' | 'profile' | 'schedule' | 'bodies' | 'topics' | 'locations'>): Workspace {
  return {
    ...local,
    region: directory.region,
    profile: directory.profile,
    schedule: directory.schedule,
    bodies: directory.bodies,
    topics: directory.topics,
    locations: directory.locations,
  };
}
