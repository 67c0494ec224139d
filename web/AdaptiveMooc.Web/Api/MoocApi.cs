using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AdaptiveMooc.Web.Session;

namespace AdaptiveMooc.Web.Api;

/// <summary>
/// The typed client of the public API: one method per route the web uses, the signed-in user's credentials
/// added server side by <see cref="ApiCredentials"/>. Errors become <see cref="ApiException"/>.
/// </summary>
public sealed partial class MoocApi(HttpClient http, ApiCredentials credentials, Microsoft.Extensions.Options.IOptions<ApiOptions> options)
{
    public const string HttpClientName = "mooc-api";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Uri BaseAddress => http.BaseAddress!;

    // Public catalogue and courses
    public Task<Page<CourseSummary>> CoursesAsync(string? q = null, string? field = null, string? pricing = null, CancellationToken ct = default) =>
        GetAsync<Page<CourseSummary>>(Query("api/courses", ("q", q), ("field", field), ("pricing", pricing), ("limit", "200")), ct);

    public Task<Course> CourseAsync(string courseId, CancellationToken ct = default) =>
        GetAsync<Course>($"api/courses/{Esc(courseId)}", ct);

    public Task<Course> CreateCourseAsync(CourseBody body, CancellationToken ct = default) =>
        SendAsync<Course>(HttpMethod.Post, "api/courses", body, ct);

    public Task<Course> UpdateCourseAsync(CourseBody body, CancellationToken ct = default) =>
        SendAsync<Course>(HttpMethod.Put, $"api/courses/{Esc(body.Id)}", body, ct);

    public Task PublishAsync(string courseId, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Post, $"api/courses/{Esc(courseId)}/publish", null, ct);

    public Task AddCoTrainerAsync(string courseId, string trainerId, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Post, $"api/courses/{Esc(courseId)}/trainers", new { trainerId }, ct);

    public Task<Analytics> AnalyticsAsync(string courseId, DateTimeOffset? asOf = null, CancellationToken ct = default) =>
        GetAsync<Analytics>(
            Query($"api/courses/{Esc(courseId)}/analytics", ("asOf", asOf?.ToString("O", CultureInfo.InvariantCulture))), ct);

    /// <summary>The figures only (no at-risk list), as of <paramref name="asOf"/>: one point of the dashboard's trend.</summary>
    public Task<Analytics> AnalyticsFiguresAsync(string courseId, DateTimeOffset asOf, CancellationToken ct = default) =>
        GetAsync<Analytics>(
            Query($"api/courses/{Esc(courseId)}/analytics", ("asOf", asOf.ToString("O", CultureInfo.InvariantCulture)), ("atRiskLimit", "0")), ct);

    public Task<string> AnalyticsCsvAsync(string courseId, CancellationToken ct = default) =>
        GetTextAsync($"api/courses/{Esc(courseId)}/analytics/learners.csv", ct);

    /// <summary>The learner table's first page (500 learners by id), as of <paramref name="asOf"/> when given.</summary>
    public Task<string> AnalyticsCsvAsync(string courseId, DateTimeOffset? asOf, CancellationToken ct = default) =>
        GetTextAsync(
            Query($"api/courses/{Esc(courseId)}/analytics/learners.csv", ("asOf", asOf?.ToString("O", CultureInfo.InvariantCulture)), ("limit", "500")), ct);

    // Learners
    public Task<Learner> RegisterAsync(RegisterLearner body, CancellationToken ct = default) =>
        SendAsync<Learner>(HttpMethod.Post, "api/learners", body, ct);

    public Task<Learner> LearnerAsync(string learnerId, CancellationToken ct = default) =>
        GetAsync<Learner>($"api/learners/{Esc(learnerId)}", ct);

    public Task<Learner> SetAvailabilityAsync(string learnerId, string timezone, IReadOnlyList<Window> windows, CancellationToken ct = default) =>
        SendAsync<Learner>(HttpMethod.Put, $"api/learners/{Esc(learnerId)}/availability", new { timezone, weeklyAvailability = windows }, ct);

    public Task<Page<Enrolment>> EnrolmentsAsync(string learnerId, CancellationToken ct = default) =>
        GetAsync<Page<Enrolment>>($"api/learners/{Esc(learnerId)}/enrollments", ct);

    public Task<Enrolment> EnrolAsync(string learnerId, string courseId, double? weeklyStudyHours, DateOnly? targetDate, CancellationToken ct = default) =>
        SendAsync<Enrolment>(HttpMethod.Post, $"api/learners/{Esc(learnerId)}/enrollments", new { courseId, weeklyStudyHours, targetDate }, ct);

    public Task<Progress> ProgressAsync(string learnerId, string courseId, CancellationToken ct = default) =>
        GetAsync<Progress>($"api/learners/{Esc(learnerId)}/courses/{Esc(courseId)}/progress", ct);

    public Task<Recommendations> RecommendationsAsync(string learnerId, string courseId, int limit = 5, CancellationToken ct = default) =>
        GetAsync<Recommendations>($"api/learners/{Esc(learnerId)}/courses/{Esc(courseId)}/recommendations?limit={limit}", ct);

    public Task<Plan> PlanAsync(string learnerId, string courseId, int weeks = 4, CancellationToken ct = default) =>
        GetAsync<Plan>($"api/learners/{Esc(learnerId)}/courses/{Esc(courseId)}/plan?weeks={weeks}", ct);

    public Task<LearnerPlan> LearnerPlanAsync(string learnerId, int weeks = 4, CancellationToken ct = default) =>
        GetAsync<LearnerPlan>($"api/learners/{Esc(learnerId)}/plan?weeks={weeks}", ct);

    public Task<Page<Notification>> NotificationsAsync(string learnerId, CancellationToken ct = default) =>
        GetAsync<Page<Notification>>($"api/learners/{Esc(learnerId)}/notifications", ct);

    public Task<Page<Certificate>> CertificatesAsync(string learnerId, CancellationToken ct = default) =>
        GetAsync<Page<Certificate>>($"api/learners/{Esc(learnerId)}/certificates", ct);

    public Task<CertificateEvaluation> ClaimCertificateAsync(string learnerId, string courseId, CancellationToken ct = default) =>
        SendAsync<CertificateEvaluation>(HttpMethod.Post, $"api/learners/{Esc(learnerId)}/courses/{Esc(courseId)}/certificate", null, ct);

    /// <summary>A <c>completed</c> xAPI statement about a lesson, timestamped now, posted as the learner.</summary>
    public Task CompleteLessonAsync(string learnerId, string courseId, string lessonId, int minutes, CancellationToken ct = default)
    {
        var statement = new
        {
            id = Guid.NewGuid(),
            actor = new { account = new { homePage = PublicBase, name = learnerId } },
            verb = new { id = "http://adlnet.gov/expapi/verbs/completed" },
            @object = new { id = $"{PublicBase}/courses/{courseId}/lessons/{lessonId}" },
            result = new { completion = true, duration = $"PT{Math.Max(1, minutes)}M" },
            timestamp = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        return SendAsync<JsonElement?>(HttpMethod.Post, "xapi/statements", statement, ct);
    }

    // Lesson content and media (docs/CONTENT.md)
    public Task<LessonContent> LessonContentAsync(string courseId, string lessonId, CancellationToken ct = default) =>
        GetAsync<LessonContent>($"api/courses/{Esc(courseId)}/lessons/{Esc(lessonId)}/content", ct);

    public Task<PreviewAnswer> PreviewAsync(string courseId, string markdown, CancellationToken ct = default) =>
        SendAsync<PreviewAnswer>(HttpMethod.Post, $"api/courses/{Esc(courseId)}/content/preview", new { markdown }, ct);

    public Task<MediaList> MediaAsync(string courseId, CancellationToken ct = default) =>
        GetAsync<MediaList>($"api/courses/{Esc(courseId)}/media", ct);

    /// <summary>Streams a file to the API as multipart/form-data (the API reads its type from the bytes).</summary>
    public async Task<MediaFile> UploadMediaAsync(string courseId, Stream content, string fileName, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/courses/{Esc(courseId)}/media");
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        request.Content = form;
        await credentials.AuthorizeAsync(request, ct);
        using var response = await http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync<MediaFile>(Json, ct))!;
    }

    /// <summary>Posts one statement the lesson page's player built (<see cref="PlayerStatements"/>) as the signed-in learner.</summary>
    public Task PostStatementAsync(object statement, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Post, "xapi/statements", statement, ct);

    /// <summary>The API's public base URL (the API's <c>Mooc:PublicBaseUrl</c>), which names xAPI actors and activities.</summary>
    public string PublicBaseUrl => PublicBase;

    /// <summary>
    /// Where this server reaches the API (<c>Mooc:Api:BaseUrl</c>): the cluster dashboard's link, since the dashboard
    /// answers browsers on the API's own machine only by default (docs/OPERATIONS.md, "Telemetry").
    /// </summary>
    public string ApiBaseUrl => options.Value.BaseUrl.ToString().TrimEnd('/');

    /// <summary>The API's public base URL, which names actors and activities in xAPI (the API's <c>Mooc:PublicBaseUrl</c>).</summary>
    private string PublicBase => options.Value.PublicBase.TrimEnd('/');

    // Certificates
    public Task<Certificate> CertificateAsync(string certificateId, CancellationToken ct = default) =>
        GetAsync<Certificate>($"api/certificates/{Esc(certificateId)}", ct);

    public Task<Certificate> RevokeCertificateAsync(Guid certificateId, string reason, CancellationToken ct = default) =>
        SendAsync<Certificate>(HttpMethod.Post, $"api/certificates/{certificateId:D}/revocation", new { reason }, ct);

    // Forum
    public Task<Page<ForumThread>> ThreadsAsync(string courseId, string? q = null, CancellationToken ct = default) =>
        GetAsync<Page<ForumThread>>(Query($"api/courses/{Esc(courseId)}/forum/threads", ("q", q)), ct);

    public Task<ForumThreadDetail> ThreadAsync(string courseId, Guid threadId, CancellationToken ct = default) =>
        GetAsync<ForumThreadDetail>($"api/courses/{Esc(courseId)}/forum/threads/{threadId:D}?limit=500", ct);

    public Task<ForumThread> NewThreadAsync(string courseId, string title, string body, CancellationToken ct = default) =>
        SendAsync<ForumThread>(HttpMethod.Post, $"api/courses/{Esc(courseId)}/forum/threads", new { title, body }, ct);

    public Task<ForumPost> NewPostAsync(string courseId, Guid threadId, string body, Guid? replyTo, CancellationToken ct = default) =>
        SendAsync<ForumPost>(HttpMethod.Post, $"api/courses/{Esc(courseId)}/forum/threads/{threadId:D}/posts", new { body, replyTo }, ct);

    public Task VoteAsync(string courseId, Guid threadId, Guid postId, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Post, $"api/courses/{Esc(courseId)}/forum/threads/{threadId:D}/posts/{postId:D}/votes", new { value = 1 }, ct);

    public Task AcceptAsync(string courseId, Guid threadId, Guid postId, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Post, $"api/courses/{Esc(courseId)}/forum/threads/{threadId:D}/accepted", new { postId }, ct);

    public Task ModerateAsync(string courseId, Guid threadId, string action, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Post, $"api/courses/{Esc(courseId)}/forum/threads/{threadId:D}/moderation", new { action }, ct);

    public Task ReportPostAsync(string courseId, Guid threadId, Guid postId, string reason, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Post, $"api/courses/{Esc(courseId)}/forum/threads/{threadId:D}/posts/{postId:D}/reports", new { reason }, ct);

    public Task ModeratePostAsync(string courseId, Guid threadId, Guid postId, bool hide, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(
            HttpMethod.Post, $"api/courses/{Esc(courseId)}/forum/threads/{threadId:D}/posts/{postId:D}/moderation", new { action = hide ? "hide" : "unhide" }, ct);

    public Task<Page<ForumReport>> ReportsAsync(string courseId, bool includeResolved = false, CancellationToken ct = default) =>
        GetAsync<Page<ForumReport>>(
            Query($"api/courses/{Esc(courseId)}/forum/reports", ("includeResolved", includeResolved ? "true" : null), ("limit", "200")), ct);

    public Task<ForumPost> PostAsync(string courseId, Guid threadId, Guid postId, CancellationToken ct = default) =>
        GetAsync<ForumPost>($"api/courses/{Esc(courseId)}/forum/threads/{threadId:D}/posts/{postId:D}", ct);

    // Webinars
    public Task<Page<Webinar>> WebinarsAsync(string courseId, CancellationToken ct = default) =>
        GetAsync<Page<Webinar>>($"api/courses/{Esc(courseId)}/webinars?limit=200", ct);

    public Task<Webinar> WebinarAsync(string courseId, Guid webinarId, CancellationToken ct = default) =>
        GetAsync<Webinar>($"api/courses/{Esc(courseId)}/webinars/{webinarId:D}", ct);

    public Task<Webinar> ScheduleWebinarAsync(string courseId, WebinarBody body, CancellationToken ct = default) =>
        SendAsync<Webinar>(HttpMethod.Post, $"api/courses/{Esc(courseId)}/webinars", body, ct);

    public Task<WebinarRegistration> RegisterForWebinarAsync(string courseId, Guid webinarId, string learnerId, CancellationToken ct = default) =>
        SendAsync<WebinarRegistration>(HttpMethod.Post, $"api/courses/{Esc(courseId)}/webinars/{webinarId:D}/registrations", new { learnerId }, ct);

    public Task<WebinarRegistrations> WebinarRegistrationsAsync(string courseId, Guid webinarId, CancellationToken ct = default) =>
        GetAsync<WebinarRegistrations>($"api/courses/{Esc(courseId)}/webinars/{webinarId:D}/registrations", ct);

    public Task<WebinarRegistration> RecordAttendanceAsync(string courseId, Guid webinarId, string learnerId, CancellationToken ct = default) =>
        SendAsync<WebinarRegistration>(HttpMethod.Post, $"api/courses/{Esc(courseId)}/webinars/{webinarId:D}/attendance", new { learnerId }, ct);

    /// <summary>The thread's new posts as the API's server-sent events deliver them, until cancelled.</summary>
    public async IAsyncEnumerable<ForumPost> WatchThreadAsync(
        string courseId, Guid threadId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/courses/{Esc(courseId)}/forum/threads/{threadId:D}/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        await credentials.AuthorizeAsync(request, ct);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccessAsync(response, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var item in System.Net.ServerSentEvents.SseParser.Create(stream).EnumerateAsync(ct))
        {
            if (JsonSerializer.Deserialize<ForumPost>(item.Data, Json) is { } post)
            {
                yield return post;
            }
        }
    }

    // Admin
    public Task CreateTrainerAsync(string id, string name, string email, string password, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Post, "api/trainers", new { id, name, email, password }, ct);

    public Task<Page<TrainerInfo>> TrainersAsync(string? after, int limit = 50, CancellationToken ct = default) =>
        GetAsync<Page<TrainerInfo>>($"api/trainers?limit={limit}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"), ct);

    public Task<Page<ApiKeyInfo>> ApiKeysAsync(CancellationToken ct = default) => GetAsync<Page<ApiKeyInfo>>("api/api-keys", ct);

    public Task<ApiKeyCreated> CreateApiKeyAsync(string name, IReadOnlyList<string> scopes, CancellationToken ct = default) =>
        SendAsync<ApiKeyCreated>(HttpMethod.Post, "api/api-keys", new { name, scopes }, ct);

    public Task RevokeApiKeyAsync(string id, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Delete, $"api/api-keys/{Esc(id)}", null, ct);

    public Task<Page<AuditEntry>> AuditAsync(string? after, int limit, CancellationToken ct = default) =>
        GetAsync<Page<AuditEntry>>(Query("api/audit", ("after", after), ("limit", limit.ToString(CultureInfo.InvariantCulture))), ct);

    /// <summary>The audit log filtered by the API (<see cref="AuditQuery"/>), newest first.</summary>
    public Task<Page<AuditEntry>> AuditAsync(AuditQuery filter, string? after, int limit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return GetAsync<Page<AuditEntry>>(
            Query("api/audit", [("after", after), ("limit", limit.ToString(CultureInfo.InvariantCulture)), .. filter.Parameters()]), ct);
    }

    public Task<Health> HealthAsync(CancellationToken ct = default) => GetAsync<Health>("health", ct, allowUnavailable: true);

    /// <summary>A one-time ticket for the Orleans dashboard (admins); <see cref="DashboardSession.Url"/> is relative to the API.</summary>
    public Task<DashboardSession> OpenDashboardAsync(CancellationToken ct = default) =>
        SendAsync<DashboardSession>(HttpMethod.Post, "api/admin/dashboard/sessions", null, ct);

    // Payments and providers (docs/PAYMENTS.md)
    public Task<Order> OrderCourseAsync(string courseId, CancellationToken ct = default) =>
        SendAsync<Order>(HttpMethod.Post, $"api/courses/{Esc(courseId)}/orders", null, ct);

    public Task<Order> OrderAsync(string orderId, CancellationToken ct = default) => GetAsync<Order>($"api/orders/{Esc(orderId)}", ct);

    public Task<CourseAccess> CourseAccessAsync(string learnerId, string courseId, CancellationToken ct = default) =>
        GetAsync<CourseAccess>($"api/learners/{Esc(learnerId)}/courses/{Esc(courseId)}/access", ct);

    public Task<Voucher> RedeemVoucherAsync(string learnerId, string code, CancellationToken ct = default) =>
        SendAsync<Voucher>(HttpMethod.Post, $"api/learners/{Esc(learnerId)}/vouchers", new { code }, ct);

    public Task<Provider> ProviderAsync(string providerId, CancellationToken ct = default) => GetAsync<Provider>($"api/providers/{Esc(providerId)}", ct);

    public Task<Provider> UpdateProviderAsync(string providerId, ProviderProfileBody body, CancellationToken ct = default) =>
        SendAsync<Provider>(HttpMethod.Put, $"api/providers/{Esc(providerId)}", body, ct);

    public Task<Provider> AddProviderTrainerAsync(string providerId, string trainerId, bool admin, CancellationToken ct = default) =>
        SendAsync<Provider>(HttpMethod.Post, $"api/providers/{Esc(providerId)}/trainers", new { trainerId, admin }, ct);

    public Task<VoucherBatch> CreateVouchersAsync(string providerId, string courseId, int seats, DateTimeOffset expiresAt, CancellationToken ct = default) =>
        SendAsync<VoucherBatch>(HttpMethod.Post, $"api/providers/{Esc(providerId)}/vouchers", new { courseId, seats, expiresAt }, ct);

    public Task<Page<VoucherBatch>> VoucherBatchesAsync(string providerId, CancellationToken ct = default) =>
        GetAsync<Page<VoucherBatch>>($"api/providers/{Esc(providerId)}/vouchers?limit=20", ct);

    public Task<Page<Order>> ProviderOrdersAsync(string providerId, string? status, CancellationToken ct = default) =>
        GetAsync<Page<Order>>(Query($"api/providers/{Esc(providerId)}/orders", ("status", status), ("limit", "100")), ct);

    public Task<Order> MarkOrderPaidAsync(string orderId, string reference, CancellationToken ct = default) =>
        SendAsync<Order>(HttpMethod.Post, $"api/orders/{Esc(orderId)}/payment", new { reference }, ct);

    // The person's own account (docs/ACCOUNTS.md)
    public Task<AccountInfo> AccountAsync(CancellationToken ct = default) => GetAsync<AccountInfo>("api/account", ct);

    public Task<AccountInfo> ChangeNameAsync(string name, CancellationToken ct = default) =>
        SendAsync<AccountInfo>(HttpMethod.Put, "api/account/profile", new { name }, ct);

    public Task<AccountInfo> ChangeEmailAsync(string email, string password, CancellationToken ct = default) =>
        SendAsync<AccountInfo>(HttpMethod.Put, "api/account/email", new { email, password }, ct);

    public Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Post, "api/account/password", new { currentPassword, newPassword }, ct);

    public Task RequestPasswordResetAsync(string email, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Post, "api/account/password-reset", new { email }, ct);

    public Task ResetPasswordAsync(string token, string newPassword, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Post, "api/account/password-reset/confirm", new { token, newPassword }, ct);

    public Task ConfirmEmailAsync(string token, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Post, "api/account/email-verification", new { token }, ct);

    public Task<MailPreferences> MailPreferencesAsync(CancellationToken ct = default) => GetAsync<MailPreferences>("api/account/mail-preferences", ct);

    public Task<MailPreferences> SetMailPreferencesAsync(IReadOnlyList<string> optedOut, CancellationToken ct = default) =>
        SendAsync<MailPreferences>(HttpMethod.Put, "api/account/mail-preferences", new { optedOut }, ct);

    public Task DeleteAccountAsync(string password, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Post, "api/account/deletion", new { password }, ct);

    public Task<DataExport> RequestExportAsync(CancellationToken ct = default) =>
        SendAsync<DataExport>(HttpMethod.Post, "api/account/exports", null, ct);

    public Task<DataExport> ExportAsync(Guid id, CancellationToken ct = default) => GetAsync<DataExport>($"api/account/exports/{id:D}", ct);

    public async Task<byte[]> ExportArchiveAsync(Guid id, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/account/exports/{id:D}/archive");
        await credentials.AuthorizeAsync(request, ct);
        using var response = await http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    public Task<UnsubscribeInfo> ReadUnsubscribeAsync(string token, CancellationToken ct = default) =>
        GetAsync<UnsubscribeInfo>($"api/mail/unsubscribe?token={Esc(token)}", ct);

    public Task<UnsubscribeInfo> UnsubscribeAsync(string token, CancellationToken ct = default) =>
        SendAsync<UnsubscribeInfo>(HttpMethod.Post, $"api/mail/unsubscribe?token={Esc(token)}", null, ct);

    private async Task<T> GetAsync<T>(string path, CancellationToken ct, bool allowUnavailable = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        await credentials.AuthorizeAsync(request, ct);
        using var response = await http.SendAsync(request, ct);
        if (!(allowUnavailable && response.StatusCode == HttpStatusCode.ServiceUnavailable))
        {
            await EnsureSuccessAsync(response, ct);
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, ct) ?? throw new ApiException(response.StatusCode, null);
    }

    private async Task<string> GetTextAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        await credentials.AuthorizeAsync(request, ct);
        using var response = await http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        if (path.StartsWith("xapi/", StringComparison.Ordinal))
        {
            request.Headers.Add("X-Experience-API-Version", "1.0.3");
        }

        await credentials.AuthorizeAsync(request, ct);
        using var response = await http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, ct);
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
            || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true)
        {
            return default!;
        }

        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        ApiProblem? problem = null;
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync<ApiProblem>(Json, ct);
            }
            catch (JsonException)
            {
            }
        }

        throw new ApiException(response.StatusCode, problem);
    }

    private static string Esc(string value) => Uri.EscapeDataString(value);

    private static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? path : path + "?" + string.Join('&', present);
    }
}
