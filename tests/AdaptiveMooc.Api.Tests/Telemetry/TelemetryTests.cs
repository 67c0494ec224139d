using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Telemetry;

/// <summary>
/// Issue 20's telemetry over real processes: one trace from the API through a grain call to PostgreSQL, the
/// series the metrics endpoints expose, and who may read /metrics and the Orleans dashboard.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(TelemetryFixture fixture)
{
    private const string RemoteAddress = "203.0.113.9";

    [Fact]
    public async Task One_statement_is_one_trace_across_the_api_a_grain_call_and_postgresql()
    {
        using var admin = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(admin);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/xapi/statements")
        {
            Content = JsonContent.Create(Payloads.Statement(learnerId, courseId, "l1", "experienced", DateTimeOffset.UtcNow)),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using (var posted = await admin.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        static bool Complete(IReadOnlyList<ReceivedSpan> trace) =>
            trace.Any(s => s.Service == "adaptivemooc-api" && s.Scope == "Microsoft.AspNetCore")
            && trace.Any(s => s.Service == "adaptivemooc-silo" && s.Scope == "Microsoft.Orleans.Application" && s.Name.Contains("IStatementIngestGrain", StringComparison.Ordinal))
            && trace.Any(s => s.Service == "adaptivemooc-silo" && s.Scope == "Npgsql");
        var spans = await fixture.Collector.WaitForAsync(all => Complete([.. all.Where(s => s.TraceId == traceId)]), TimeSpan.FromSeconds(60));
        var trace = spans.Where(s => s.TraceId == traceId).ToList();
        Assert.True(Complete(trace), "Spans of the trace: " + string.Join("; ", trace.Select(s => $"{s.Service}/{s.Scope}/{s.Name}"))
            + $"\nAll {spans.Count} spans received: " + string.Join("; ", spans.Take(40).Select(s => $"{s.Service}/{s.Scope}/{s.Name}")));

        // One tree: every span but the API's server span has its parent inside the trace.
        var ids = trace.Select(s => s.SpanId).ToHashSet();
        var server = trace.Single(s => s.Service == "adaptivemooc-api" && s.Scope == "Microsoft.AspNetCore");
        Assert.All(trace.Where(s => s != server), s => Assert.Contains(s.ParentSpanId, ids));
    }

    [Fact]
    public async Task The_metrics_endpoints_expose_the_named_series()
    {
        using var admin = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/xapi/statements",
            Payloads.Statement(learnerId, courseId, "l1", "completed", DateTimeOffset.UtcNow.AddMinutes(-3), completion: true))).StatusCode);
        (await admin.GetAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/recommendations", UriKind.Relative))).EnsureSuccessStatusCode();
        (await admin.GetAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/plan", UriKind.Relative))).EnsureSuccessStatusCode();

        // The API's own scrape, from this machine without credentials.
        using var anonymous = fixture.Platform.Client(admin: false);
        using var response = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));
        var api = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {api}");
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", api, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/xapi/statements\"", api, StringComparison.Ordinal);
        Assert.Contains("http_response_status_code=\"200\"", api, StringComparison.Ordinal);
        Assert.Contains("orleans_", api, StringComparison.Ordinal);

        // The silo's scrape (loopback only): ingestion, latency of recommendations and plans, models, outboxes, grain calls.
        using var silo = new HttpClient();
        var siloText = await Eventually(async () =>
        {
            var text = await silo.GetStringAsync(new Uri($"http://127.0.0.1:{fixture.SiloMetricsPort}/metrics"));
            return text.Contains("mooc_outbox_depth{", StringComparison.Ordinal) ? text : null;
        });
        foreach (var series in new[]
        {
            "mooc_statements_ingested_total{", "mooc_statements_ingest_lag_seconds_bucket{", "mooc_statements_ingest_duration_seconds_bucket{",
            "mooc_recommendation_duration_seconds_bucket{", "mooc_plan_duration_seconds_bucket{", "mooc_model_version{",
            "mooc_model_predictions_total{", "mooc_outbox_depth{", "orleans_app_requests_latency_milliseconds_bucket{",
            "db_client_operation_duration_seconds_bucket{",
        })
        {
            Assert.True(siloText.Contains(series, StringComparison.Ordinal), $"silo metrics lack {series}:\n{siloText}");
        }

        Assert.Matches("mooc_outbox_depth\\{[^}]*outbox=\"webhooks\"", siloText);
        Assert.Matches("mooc_outbox_depth\\{[^}]*outbox=\"mail\"", siloText);
        Assert.Matches("mooc_model_version\\{[^}]*version=\"", siloText);
        Assert.Matches("mooc_plan_duration_seconds_count\\{[^}]*operation=\"course-plan\"\\} [1-9]", siloText);
        Assert.Matches("mooc_recommendation_duration_seconds_count\\{[^}]*\\} [1-9]", siloText);

        Assert.Matches(@"mooc_statements_ingested_total\{[^}]*\} [1-9]", siloText);
    }

    [Fact]
    public async Task Metrics_refuse_a_remote_caller_that_is_not_an_admin()
    {
        using var anonymous = fixture.Platform.Client(admin: false);
        using (var remote = await SendAsync(anonymous, HttpMethod.Get, "/metrics", RemoteAddress))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, remote.StatusCode);
        }

        using var learner = await LearnerClientAsync();
        using (var remoteLearner = await SendAsync(learner, HttpMethod.Get, "/metrics", RemoteAddress))
        {
            Assert.Equal(HttpStatusCode.Forbidden, remoteLearner.StatusCode);
        }

        using var admin = fixture.Platform.Client();
        using var remoteAdmin = await SendAsync(admin, HttpMethod.Get, "/metrics", RemoteAddress);
        Assert.Equal(HttpStatusCode.OK, remoteAdmin.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_refuses_non_admins_and_remote_callers_and_opens_for_an_admin_session()
    {
        using var anonymous = fixture.Platform.Client(admin: false);
        using (var response = await anonymous.GetAsync(new Uri("/admin/dashboard/", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var response = await anonymous.GetAsync(new Uri("/admin/dashboard/ClusterStats", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var learner = await LearnerClientAsync();
        using (var response = await learner.GetAsync(new Uri("/admin/dashboard/ClusterStats", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using (var response = await learner.PostAsync(new Uri("/api/admin/dashboard/sessions", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var admin = fixture.Platform.Client();
        using (var remote = await SendAsync(admin, HttpMethod.Get, "/admin/dashboard/ClusterStats", RemoteAddress))
        {
            Assert.Equal(HttpStatusCode.Forbidden, remote.StatusCode);
        }

        using (var local = await admin.GetAsync(new Uri("/admin/dashboard/ClusterStats", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        }

        // The browser path: the admin page asks for a ticket, the browser trades it for a cookie, once.
        using var created = await admin.PostAsync(new Uri("/api/admin/dashboard/sessions", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = fixture.Platform.BaseAddress };
        using (var page = await browser.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        using (var stats = await browser.GetAsync(new Uri("/admin/dashboard/ClusterStats", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        }

        using var replayed = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
    }

    private async Task<HttpClient> LearnerClientAsync()
    {
        using var admin = fixture.Platform.Client();
        var (learnerId, _) = await Payloads.EnrolledLearner(admin);
        var client = fixture.Platform.Client(admin: false);
        using var signIn = await client.PostAsJsonAsync("/api/auth/token", new JsonObject { ["username"] = learnerId, ["password"] = "correct horse battery" });
        var text = await signIn.Content.ReadAsStringAsync();
        Assert.True(signIn.IsSuccessStatusCode, $"sign-in: {(int)signIn.StatusCode} {text}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonDocument.Parse(text).RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string forwardedFor)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    private static async Task<string> Eventually(Func<Task<string?>> read)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if ((last = await read()) is not null)
            {
                return last;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The silo's metrics never showed the outbox depth.");
    }
}
