using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using AdaptiveMooc.Tests.Shared;

namespace AdaptiveMooc.Grains.Tests.LrsForwarding;

/// <summary>
/// An outside LRS on a free loopback port: <see cref="Answer"/> decides each POST's status from the
/// statement ids it carries; the ids of every request answered 2xx (or 409) are kept in arrival order.
/// </summary>
public sealed class FakeLrs : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<IReadOnlyList<Guid>> accepted = new();
    private readonly ConcurrentQueue<(IReadOnlyList<Guid> Ids, int Status, string? Authorization, string? Version)> requests = new();
    private readonly Task loop;

    public FakeLrs()
    {
        Endpoint = new Uri($"http://127.0.0.1:{FreePorts.Next()}/lrs/xapi/");
        listener.Prefixes.Add(Endpoint.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>The status for a POST carrying these ids (200 unless set).</summary>
    public Func<IReadOnlyList<Guid>, int> Answer { get; set; } = _ => 200;

    /// <summary>Ids of accepted POSTs, in the order they arrived (repeats included).</summary>
    public IReadOnlyList<Guid> Accepted => [.. accepted.SelectMany(ids => ids)];

    public IReadOnlyList<(IReadOnlyList<Guid> Ids, int Status, string? Authorization, string? Version)> Requests => [.. requests];

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // Stopped while waiting for a request.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            var context = await listener.GetContextAsync();
            var status = 404;
            var ids = new List<Guid>();
            if (context.Request.HttpMethod == "POST" && context.Request.Url!.AbsolutePath == Endpoint.AbsolutePath + "statements")
            {
                using var reader = new StreamReader(context.Request.InputStream);
                var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsArray();
                ids.AddRange(body.Select(s => Guid.Parse(s!["id"]!.GetValue<string>())));
                status = Answer(ids);
                if (status is >= 200 and < 300 or 409)
                {
                    accepted.Enqueue(ids);
                }
            }

            requests.Enqueue((ids, status, context.Request.Headers["Authorization"], context.Request.Headers["X-Experience-API-Version"]));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }
}
