using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AdaptiveMooc.Tests.Shared;

namespace AdaptiveMooc.Api.Tests.Payments;

/// <summary>
/// Stripe's API as far as the platform uses it, on a loopback port (the API process's
/// <c>Mooc:Stripe:ApiBase</c>): creating a Checkout Session records the form the platform sent and answers
/// a canned session; reading a session answers what the test said happened (paid or not). Nothing reaches
/// the internet.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, JsonObject> sessions = new();
    private readonly ConcurrentQueue<(string Method, string Path, string? Authorization, string? IdempotencyKey, Dictionary<string, string> Form)> requests = new();
    private readonly Task loop;
    private int created;

    public FakeStripe()
    {
        BaseUrl = $"http://127.0.0.1:{FreePorts.Next()}";
        listener.Prefixes.Add(BaseUrl + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public IReadOnlyList<(string Method, string Path, string? Authorization, string? IdempotencyKey, Dictionary<string, string> Form)> Requests => [.. requests];

    /// <summary>What a later <c>GET /v1/checkout/sessions/{id}</c> answers: the session paid with this payment intent.</summary>
    public void MarkPaid(string sessionId, string paymentIntent)
    {
        var session = sessions[sessionId];
        session["payment_status"] = "paid";
        session["status"] = "complete";
        session["payment_intent"] = paymentIntent;
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => p.Length > 1 ? WebUtility.UrlDecode(p[1]) : string.Empty);
            var path = context.Request.Url!.AbsolutePath;
            requests.Enqueue((context.Request.HttpMethod, path, context.Request.Headers["Authorization"], context.Request.Headers["Idempotency-Key"], form));

            JsonObject? answer = null;
            if (context.Request.HttpMethod == "POST" && path == "/v1/checkout/sessions")
            {
                var id = $"cs_test_{Interlocked.Increment(ref created)}_{Guid.NewGuid():N}";
                var metadata = new JsonObject();
                foreach (var (key, value) in form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
                {
                    metadata[key[9..^1]] = value;
                }

                answer = new JsonObject
                {
                    ["id"] = id,
                    ["object"] = "checkout.session",
                    ["url"] = $"https://checkout.stripe.com/c/pay/{id}",
                    ["mode"] = "payment",
                    ["status"] = "open",
                    ["payment_status"] = "unpaid",
                    ["amount_total"] = long.Parse(form["line_items[0][price_data][unit_amount]"], System.Globalization.CultureInfo.InvariantCulture),
                    ["currency"] = form["line_items[0][price_data][currency]"],
                    ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
                    ["metadata"] = metadata,
                };
                sessions[id] = answer;
            }
            else if (context.Request.HttpMethod == "GET" && path.StartsWith("/v1/checkout/sessions/", StringComparison.Ordinal)
                && sessions.TryGetValue(path["/v1/checkout/sessions/".Length..], out var session))
            {
                answer = session;
            }

            var bytes = Encoding.UTF8.GetBytes(answer?.ToJsonString()
                ?? """{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such resource."}}""");
            context.Response.StatusCode = answer is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
