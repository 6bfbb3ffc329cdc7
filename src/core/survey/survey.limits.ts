/**
 * Sizes of a questionnaire and lengths of its texts. surveySchemas validates by them, and the builder page checks by the
 * same numbers without loading zod.
 */
export const SURVEY_LIMITS = {
  title: { min: 2, max: 60 },
  description: { min: 1, max: 1000 },
  sectionTitle: { min: 1, max: 30 },
  itemText: { min: 2, max: 200 },
  option: { min: 1, max: 60 },
  /** The seed's survey had 8 aspects and 39 items. */
  sections: { min: 1, max: 20 },
  itemsPerSection: { min: 1, max: 30 },
  items: { max: 150 },
  options: { min: 2, max: 12 },
  /** A free-text answer. */
  answerText: { min: 1, max: 1000 },
} as const
