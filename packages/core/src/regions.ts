/** The AWS commercial regions, for telling real region names from invented ones. */
export const AWS_REGIONS: ReadonlySet<string> = new Set([
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'sa-east-1',
]);

/**
 * A region as a metric label: itself when AWS has it (or it is in `also`),
 * else `other`, so that callers signing with invented region names cannot
 * grow the metric series without bound.
 */
export function regionLabel(region: string, also: ReadonlySet<string> = EMPTY): string {
  return AWS_REGIONS.has(region) || also.has(region) ? region : 'other';
}

const EMPTY: ReadonlySet<string> = new Set();
