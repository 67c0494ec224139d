namespace AdaptiveMooc.Web.Api;

// cmi5 lessons (docs/XAPI.md, "cmi5"): launching an AU and reading where its AUs stand.
public sealed partial class MoocApi
{
    public Task<Cmi5Launch> LaunchCmi5Async(string learnerId, string courseId, string lessonId, string auId, string? returnUrl, CancellationToken ct = default) =>
        SendAsync<Cmi5Launch>(HttpMethod.Post, $"{Cmi5Path(learnerId, courseId, lessonId)}/cmi5-launch", new { auId, returnUrl }, ct);

    public Task<Cmi5LessonStatus> Cmi5StatusAsync(string learnerId, string courseId, string lessonId, CancellationToken ct = default) =>
        GetAsync<Cmi5LessonStatus>($"{Cmi5Path(learnerId, courseId, lessonId)}/cmi5", ct);

    private static string Cmi5Path(string learnerId, string courseId, string lessonId) =>
        $"api/learners/{Esc(learnerId)}/courses/{Esc(courseId)}/lessons/{Esc(lessonId)}";
}
