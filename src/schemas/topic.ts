import { z } from 'astro/zod';
import { label, slug, text } from './common';

/** A topic in `content/topics.yaml`. */
export const topicSchema = z.strictObject({
  /** Permanent id, used in `/topics/<id>/`. */
  id: slug,
  /** Name shown to readers, e.g. 节能降碳. */
  name: label,
  /** One line saying what the topic covers. */
  description: text,
});

export type Topic = z.infer<typeof topicSchema>;
