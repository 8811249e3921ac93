import { defineCollection } from 'astro:content';
import { corpusLoader } from './loaders/astro-loaders';

export const collections = {
  ministries: defineCollection({ loader: corpusLoader('ministries') }),
  topics: defineCollection({ loader: corpusLoader('topics') }),
  policies: defineCollection({ loader: corpusLoader('policies') }),
  overview: defineCollection({ loader: corpusLoader('overview') }),
};
