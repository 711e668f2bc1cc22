import http from 'node:http';

interface GraphqlAnswer<T> {
  data?: T;
  errors?: { message: string }[];
}

/** One POST to /graphql without keep-alive, so no socket outlives the test run. */
function post<T>(baseUrl: string, token: string | null, query: string, variables: Record<string, unknown>): Promise<T> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseUrl}/graphql`,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const answer = JSON.parse(text) as GraphqlAnswer<T>;
          if (answer.errors?.length || !answer.data) reject(new Error(`GraphQL: ${answer.errors?.map((e) => e.message).join('; ') ?? text}`));
          else resolve(answer.data);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export type GraphqlClient = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/**
 * The API as a demo user sees it: signs in with the same e-mail and password as the browser, so a test
 * can compare what the page shows with what the API answers that user.
 */
export async function graphqlAs(baseUrl: string, email: string, password = 'demo-password'): Promise<GraphqlClient> {
  const { login } = await post<{ login: { accessToken: string } }>(
    baseUrl,
    null,
    'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { email, password } },
  );
  return (query, variables = {}) => post(baseUrl, login.accessToken, query, variables);
}
