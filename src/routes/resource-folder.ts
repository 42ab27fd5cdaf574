/**
 * The folder of `src/routes` that holds an operation: the resource its URL
 * names (under `/v1/`, and under `/v1/tenants/{tenantId}/` for what a tenant
 * owns). A few resources share a folder with the one they belong to.
 */
const SHARED: Record<string, string> = {
  'annual-report-drafts': 'annual-reports',
  'annual-reporting': 'annual-reports',
  'calendar-feed': 'calendar-feeds',
  feeds: 'calendar-feeds',
  profile: 'profiles',
};

export function resourceFolder(path: string): string {
  const segments = path.split('/').filter(Boolean);
  if (segments[0] !== 'v1') return 'system';
  let rest = segments.slice(1);
  if (rest[0] === 'tenants' && rest.length > 2) rest = rest.slice(2);
  const resource = rest[0]!;
  return SHARED[resource] ?? resource;
}
