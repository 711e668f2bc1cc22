/** One GraphQL request over HTTP (setup and checks; the measured load goes through load.ts). Throws on any error. */
export async function graphql<T>(port: number, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (res.status !== 200 || json.errors?.length || !json.data) {
    throw new Error(`GraphQL request failed (HTTP ${res.status}): ${json.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  }
  return json.data;
}
