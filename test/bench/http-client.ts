import http from 'node:http'

/**
 * A lean keep-alive client for load runs: Node's fetch spends several times the CPU of a plain http request per call,
 * and on this 2-core machine the client's CPU is taken from the host it measures. One socket per request in flight.
 */
export function leanClient(baseUrl: string, inFlight: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight })
  const { hostname, port } = new URL(baseUrl)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- benches read the JSON they get as they like
  function call(area: string, action: string, payload: object, token: string): Promise<{ status: number; body: any }> {
    const body = JSON.stringify({ action, ...payload })
    return new Promise((resolve, reject) => {
      const request = http.request(
        { agent, hostname, port, method: 'POST', path: `/api/${area}`, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }))
          response.on('error', reject)
        },
      )
      request.on('error', reject)
      request.end(body)
    })
  }
  return { call, close: () => agent.destroy() }
}
