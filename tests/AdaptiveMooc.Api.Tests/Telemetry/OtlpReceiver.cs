using System.Collections.Concurrent;
using System.Net;
using AdaptiveMooc.Tests.Shared;

namespace AdaptiveMooc.Api.Tests.Telemetry;

/// <summary>One span as an OTLP exporter sent it: ids in lower-case hex, the instrumentation scope and the service.</summary>
public sealed record ReceivedSpan(string TraceId, string SpanId, string ParentSpanId, string Name, string Scope, string Service);

/// <summary>
/// A collector for the tests: accepts OTLP over HTTP/protobuf on a free loopback port (<c>/v1/traces</c>, and
/// <c>/v1/metrics</c>, <c>/v1/logs</c> which it only acknowledges) and keeps every span it receives. It reads the
/// few fields of <c>ExportTraceServiceRequest</c> it needs straight from the protobuf wire format.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<ReceivedSpan> spans = new();
    private readonly Task loop;

    public OtlpReceiver()
    {
        Endpoint = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        listener.Prefixes.Add(Endpoint.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<ReceivedSpan> Spans => [.. spans];

    /// <summary>Waits until <paramref name="done"/> holds for the spans received (fails after <paramref name="timeout"/>).</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForAsync(Func<IReadOnlyList<ReceivedSpan>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done(Spans))
        {
            if (DateTime.UtcNow > deadline)
            {
                return Spans;
            }

            await Task.Delay(200);
        }

        return Spans;
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
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (context.Request.Url?.AbsolutePath == "/v1/traces")
            {
                foreach (var span in ParseTraces(body.ToArray()))
                {
                    spans.Enqueue(span);
                }
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    /// <summary>ExportTraceServiceRequest: resource_spans = 1 → (resource = 1 → attributes = 1; scope_spans = 2 → (scope = 1 → name = 1; spans = 2)).</summary>
    public static IEnumerable<ReceivedSpan> ParseTraces(byte[] request)
    {
        foreach (var (field, resourceSpans) in Fields(request))
        {
            if (field != 1)
            {
                continue;
            }

            var service = "";
            var scopes = new List<byte[]>();
            foreach (var (f, value) in Fields(resourceSpans))
            {
                if (f == 1)
                {
                    service = ServiceName(value) ?? service;
                }
                else if (f == 2)
                {
                    scopes.Add(value);
                }
            }

            foreach (var scopeSpans in scopes)
            {
                var scope = "";
                var found = new List<byte[]>();
                foreach (var (f, value) in Fields(scopeSpans))
                {
                    if (f == 1)
                    {
                        scope = Fields(value).Where(x => x.Field == 1).Select(x => System.Text.Encoding.UTF8.GetString(x.Value)).FirstOrDefault() ?? "";
                    }
                    else if (f == 2)
                    {
                        found.Add(value);
                    }
                }

                foreach (var span in found)
                {
                    string traceId = "", spanId = "", parent = "", name = "";
                    foreach (var (f, value) in Fields(span))
                    {
                        switch (f)
                        {
                            case 1: traceId = Convert.ToHexStringLower(value); break;
                            case 2: spanId = Convert.ToHexStringLower(value); break;
                            case 4: parent = Convert.ToHexStringLower(value); break;
                            case 5: name = System.Text.Encoding.UTF8.GetString(value); break;
                        }
                    }

                    yield return new ReceivedSpan(traceId, spanId, parent, name, scope, service);
                }
            }
        }
    }

    /// <summary>The <c>service.name</c> attribute of a Resource (attributes = 1 → KeyValue(key = 1, value = 2 → string_value = 1)).</summary>
    private static string? ServiceName(byte[] resource)
    {
        foreach (var (f, keyValue) in Fields(resource))
        {
            if (f != 1)
            {
                continue;
            }

            var parts = Fields(keyValue).ToList();
            var key = parts.Where(p => p.Field == 1).Select(p => System.Text.Encoding.UTF8.GetString(p.Value)).FirstOrDefault();
            if (key == "service.name")
            {
                return parts.Where(p => p.Field == 2).SelectMany(p => Fields(p.Value)).Where(p => p.Field == 1)
                    .Select(p => System.Text.Encoding.UTF8.GetString(p.Value)).FirstOrDefault();
            }
        }

        return null;
    }

    /// <summary>The length-delimited fields of a message (varint and fixed-width fields are skipped).</summary>
    private static IEnumerable<(int Field, byte[] Value)> Fields(byte[] message)
    {
        var position = 0;
        var result = new List<(int, byte[])>();
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var field = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    ReadVarint(message, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    result.Add((field, message[position..(position + length)]));
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type in tag {tag}.");
            }
        }

        return result;
    }

    private static ulong ReadVarint(byte[] message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
