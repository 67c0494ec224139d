namespace AdaptiveMooc.Web.Api;

// Question banks, attempts and item analysis (docs/ASSESSMENTS.md).
public sealed partial class MoocApi
{
    public Task<Page<BankItem>> BankAsync(string courseId, string? after = null, CancellationToken ct = default) =>
        GetAsync<Page<BankItem>>(Query($"api/courses/{Esc(courseId)}/question-bank", ("limit", "500"), ("after", after)), ct);

    public Task<BankItem> CreateBankItemAsync(string courseId, BankItem item, CancellationToken ct = default) =>
        SendAsync<BankItem>(HttpMethod.Post, $"api/courses/{Esc(courseId)}/question-bank", item, ct);

    public Task<BankItem> SaveBankItemAsync(string courseId, BankItem item, CancellationToken ct = default) =>
        SendAsync<BankItem>(HttpMethod.Put, $"api/courses/{Esc(courseId)}/question-bank/{Esc(item.Id)}", item, ct);

    public Task DeleteBankItemAsync(string courseId, string itemId, CancellationToken ct = default) =>
        SendAsync<System.Text.Json.JsonElement?>(HttpMethod.Delete, $"api/courses/{Esc(courseId)}/question-bank/{Esc(itemId)}", null, ct);

    public Task<AssessmentSettings> AssessmentAsync(string courseId, string lessonId, CancellationToken ct = default) =>
        GetAsync<AssessmentSettings>($"api/courses/{Esc(courseId)}/lessons/{Esc(lessonId)}/assessment", ct);

    public Task<AssessmentSettings> SetAssessmentAsync(string courseId, string lessonId, AssessmentBody body, CancellationToken ct = default) =>
        SendAsync<AssessmentSettings>(HttpMethod.Put, $"api/courses/{Esc(courseId)}/lessons/{Esc(lessonId)}/assessment", body, ct);

    public Task<ItemAnalysis> ItemAnalysisAsync(string courseId, CancellationToken ct = default) =>
        GetAsync<ItemAnalysis>($"api/courses/{Esc(courseId)}/item-analysis", ct);

    public Task<Attempts> AttemptsAsync(string learnerId, string courseId, string lessonId, CancellationToken ct = default) =>
        GetAsync<Attempts>(AttemptsPath(learnerId, courseId, lessonId), ct);

    public Task<Attempt> StartAttemptAsync(string learnerId, string courseId, string lessonId, CancellationToken ct = default) =>
        SendAsync<Attempt>(HttpMethod.Post, AttemptsPath(learnerId, courseId, lessonId), null, ct);

    public Task<AnswerResult> AnswerAsync(string learnerId, string courseId, string lessonId, int attempt, AnswerBody body, CancellationToken ct = default) =>
        SendAsync<AnswerResult>(HttpMethod.Post, $"{AttemptsPath(learnerId, courseId, lessonId)}/{attempt}/answers", body, ct);

    public Task<Attempt> SubmitAttemptAsync(string learnerId, string courseId, string lessonId, int attempt, CancellationToken ct = default) =>
        SendAsync<Attempt>(HttpMethod.Post, $"{AttemptsPath(learnerId, courseId, lessonId)}/{attempt}/submission", null, ct);

    private static string AttemptsPath(string learnerId, string courseId, string lessonId) =>
        $"api/learners/{Esc(learnerId)}/courses/{Esc(courseId)}/lessons/{Esc(lessonId)}/attempts";
}
