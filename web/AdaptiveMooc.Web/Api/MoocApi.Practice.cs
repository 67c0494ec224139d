namespace AdaptiveMooc.Web.Api;

// Adaptive practice of a skill (docs/PRACTICE.md).
public sealed partial class MoocApi
{
    public Task<PracticeState> PracticeAsync(string learnerId, string courseId, string skill, CancellationToken ct = default) =>
        GetAsync<PracticeState>(PracticePath(learnerId, courseId, skill), ct);

    public Task<PracticeState> NextPracticeItemAsync(string learnerId, string courseId, string skill, CancellationToken ct = default) =>
        SendAsync<PracticeState>(HttpMethod.Post, $"{PracticePath(learnerId, courseId, skill)}/next", null, ct);

    public Task<PracticeState> AnswerPracticeItemAsync(string learnerId, string courseId, string skill, AnswerBody body, CancellationToken ct = default) =>
        SendAsync<PracticeState>(HttpMethod.Post, $"{PracticePath(learnerId, courseId, skill)}/answers", body, ct);

    private static string PracticePath(string learnerId, string courseId, string skill) =>
        $"api/learners/{Esc(learnerId)}/courses/{Esc(courseId)}/practice/{Esc(skill)}";
}
