import { z } from 'astro/zod';
import { slug, text } from './common';

/** The report's introduction and thematic sections (`content/overview.mdx`). */
export const overviewSchema = z.strictObject({
  title: text,
  /** Paragraphs of the introduction, word for word. */
  paragraphs: z.array(z.strictObject({ id: slug, text })).min(1, 'expected the introduction in <Paragraph> blocks'),
  /** Thematic sections, each quoting the narrative passages of the documents it cites. */
  sections: z
    .array(
      z.strictObject({
        id: slug,
        /** The section's lead sentence, word for word. */
        heading: text,
        excerpts: z
          .array(z.strictObject({ policy: slug, passage: slug }))
          .min(1, 'a section needs at least one <Excerpt policy="…" passage="…" />'),
      }),
    )
    .min(1, 'expected at least one <Section>'),
});

export type Overview = z.infer<typeof overviewSchema>;
