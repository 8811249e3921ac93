import type { Policy, PolicyStatus } from '../../schemas/policy';
import { SITE_LANGUAGE } from '../site/identity';

/** schema.org's LegalForceStatus for the states that have one; "period ended" and "unknown" say nothing. */
const legalForce: Partial<Record<PolicyStatus, string>> = {
  'in-force': 'https://schema.org/InForce',
  replaced: 'https://schema.org/NotInForce',
};

/** A schema.org Legislation object for a document page. */
export function legislationJsonLd(policy: Policy, issuerNames: string[], url: string): object {
  const date = policy.published ?? policy.signed;
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    name: policy.officialTitle,
    alternateName: policy.title,
    ...(policy.documentNumber && { legislationIdentifier: policy.documentNumber }),
    ...(date && { legislationDate: date }),
    ...(policy.inForce && { legislationDateVersion: policy.inForce }),
    legislationPassedBy: issuerNames.map((name) => ({ '@type': 'GovernmentOrganization', name })),
    legislationJurisdiction: { '@type': 'Country', name: '中国' },
    ...(legalForce[policy.status.state] && { legislationLegalForce: legalForce[policy.status.state] }),
    inLanguage: SITE_LANGUAGE,
    url,
    ...(policy.sourceUrl && { sameAs: policy.sourceUrl }),
  };
}
