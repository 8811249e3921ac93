import { z } from 'astro/zod';
import { label, passage, slug, type FieldIssue } from './common';
import { overviewPageIds, sectionHeadingId } from './page-ids';

/** The report's introduction and thematic sections (`content/overview.mdx`). */
export const overviewSchema = z
  .strictObject({
    title: label,
    /** Paragraphs of the introduction, word for word. */
    paragraphs: z.array(z.strictObject({ id: slug, text: passage })).min(1, 'expected the introduction in <Paragraph> blocks'),
    /** Thematic sections, each quoting the narrative passages of the documents it cites. */
    sections: z
      .array(
        z.strictObject({
          id: slug,
          /** The section's lead sentence, word for word. */
          heading: label,
          excerpts: z
            .array(z.strictObject({ policy: slug, passage: slug }))
            .min(1, 'a section needs at least one <Excerpt policy="…" passage="…" />'),
        }),
      )
      .min(1, 'expected at least one <Section>'),
  })
  .superRefine((overview, ctx) => {
    for (const { path, message } of idCollisions(overview)) ctx.addIssue({ code: 'custom', path, message });
  });

/**
 * Paragraph and section ids that /overview/ could not render apart: one the page uses itself,
 * one used twice, or one equal to the anchor of a section's heading (`<section-id>-heading`).
 */
function idCollisions(overview: { paragraphs: { id: string }[]; sections: { id: string }[] }): FieldIssue[] {
  const headingOwner = new Map(overview.sections.map((section) => [sectionHeadingId(section.id), section.id]));
  const owners = new Map<string, string>();
  const collisions: FieldIssue[] = [];
  const elements = [
    ...overview.paragraphs.map((paragraph, index) => ({ id: paragraph.id, path: ['paragraphs', index, 'id'], name: '<Paragraph>' })),
    ...overview.sections.map((section, index) => ({ id: section.id, path: ['sections', index, 'id'], name: '<Section>' })),
  ];
  for (const { id, path, name } of elements) {
    const owner = owners.get(id);
    const section = headingOwner.get(id);
    if (overviewPageIds.has(id)) {
      collisions.push({ path, message: `"${id}" is an id the overview page already uses for itself; choose another id` });
    } else if (owner) {
      collisions.push({ path, message: `duplicate id "${id}": an earlier ${owner} has it too; every paragraph and section needs its own id` });
    } else if (section) {
      collisions.push({ path, message: `"${id}" is the anchor of the heading of <Section id="${section}">; choose another id` });
    }
    owners.set(id, owners.get(id) ?? name);
  }
  return collisions;
}

export type Overview = z.infer<typeof overviewSchema>;
