using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// The public HTTP API as an importer sees it: one key (<c>X-Api-Key</c>), retries on 429 (honouring
/// <c>Retry-After</c>), 502-504 and broken connections. Retrying is safe because every write the
/// importer makes is idempotent: statement ids are deterministic, and the other writes answer 409 when
/// already done, which the callers accept.
/// </summary>
internal sealed class PlatformApi : IDisposable
{
    private const int MaxAttempts = 10;
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient http;
    private readonly TextWriter log;
    private long retries;

    public PlatformApi(Uri baseAddress, string apiKey, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        this.log = log;
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(3),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        http.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public long Retries => Interlocked.Read(ref retries);

    public Task<ApiAnswer> PostAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, Encoding.UTF8.GetBytes(body.ToJsonString()), cancellationToken);

    public Task<ApiAnswer> PutAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, path, Encoding.UTF8.GetBytes(body.ToJsonString()), cancellationToken);

    /// <summary>The target of an RFC 8288 <c>Link: &lt;...&gt;; rel="next"</c> header (the next page), if any.</summary>
    private static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links)
            ? links.Select(l => l.Split(';')).FirstOrDefault(p => p.Length > 1 && p[1].Trim() == "rel=\"next\"")?[0].Trim().Trim('<', '>')
            : null;

    public Task<ApiAnswer> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = Json;
            }

            TimeSpan delay;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var status = (int)response.StatusCode;
                if (status is not (429 or 502 or 503 or 504) || attempt == MaxAttempts)
                {
                    return new ApiAnswer(response.StatusCode, text, NextLink(response));
                }

                delay = response.Headers.RetryAfter?.Delta ?? Backoff(attempt);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested && attempt < MaxAttempts)
            {
                log.WriteLine($"  {method} {path}: {exception.Message}; retrying");
                delay = Backoff(attempt);
            }

            Interlocked.Increment(ref retries);
            await Task.Delay(delay, cancellationToken);
        }
    }

    public void Dispose() => http.Dispose();

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(30_000, 250 * Math.Pow(2, attempt - 1)) * (0.5 + Random.Shared.NextDouble()));
}
