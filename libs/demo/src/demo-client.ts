/** A small HTTP client for the platform's public APIs, as a participant holding an API key. */
export class DemoClient {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  async call<T = unknown>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T };
  }

  /** POST that must answer `expected`, else throws with the server's message. */
  async expect<T = unknown>(
    expected: number,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await this.call<T>(method, path, body);
    if (response.status !== expected) {
      const message =
        (response.body as { message?: string } | undefined)?.message ?? JSON.stringify(response.body);
      throw new Error(`${method} ${path} answered ${response.status}: ${message}`);
    }
    return response.body;
  }
}
