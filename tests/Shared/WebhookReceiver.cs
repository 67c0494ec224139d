using System.Collections.Concurrent;
using System.Net;

namespace AdaptiveMooc.Tests.Shared;

/// <summary>
/// A webhook receiver on a free loopback port: records every request it gets and answers the next
/// scripted status (200 once the script is used up).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<int> script = new();
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private readonly SemaphoreSlim arrivals = new(0);
    private readonly Task loop;

    public WebhookReceiver(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            script.Enqueue(status);
        }

        var port = FreePorts.Next();
        Url = new Uri($"http://127.0.0.1:{port}/hooks/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>Answer every later request with <paramref name="status"/>.</summary>
    public int? Always { get; set; }

    public IReadOnlyList<ReceivedRequest> Received => [.. received];

    /// <summary>Waits until at least <paramref name="count"/> requests arrived (fails the test after a minute).</summary>
    public async Task WaitForAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (received.Count < count)
        {
            await arrivals.WaitAsync(timeout.Token);
        }
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
            // Stopped while waiting for a request.
        }
        catch (ObjectDisposedException)
        {
            // Stopped while waiting for a request.
        }

        arrivals.Dispose();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            var context = await listener.GetContextAsync();
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.OfType<string>()
                .ToDictionary(k => k, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            received.Enqueue(new ReceivedRequest(context.Request.HttpMethod, headers, body.ToArray()));
            context.Response.StatusCode = Always ?? (script.TryDequeue(out var status) ? status : (int)HttpStatusCode.OK);
            context.Response.Close();
            arrivals.Release();
        }
    }
}
