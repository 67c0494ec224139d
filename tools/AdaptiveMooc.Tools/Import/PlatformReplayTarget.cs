using System.Net;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// A replay posted through the platform's public API, like any other client: enrolments and
/// withdrawals one request per learner (409, already done, counts as done), statements as one xAPI
/// batch (a statement id seen before with the same content answers 200 and is not stored again).
/// </summary>
internal sealed class PlatformReplayTarget(PlatformApi api, ImportPlan plan, StatementWriter writer, int concurrency) : IReplayTarget
{
    private readonly string courseId = plan.Presentation.CourseId;

    public Task EnrolAsync(IReadOnlyList<(ImportLearner Learner, DateTimeOffset At)> enrolments, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            enrolments,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (e, ct) => (await api.PostAsync($"/api/learners/{e.Learner.LearnerId}/enrollments", LearnerRequests.Enrolment(plan, e.Learner, e.At), ct))
                .Expect($"POST enrolment of {e.Learner.LearnerId}", HttpStatusCode.Conflict));

    public async Task PostAsync(IReadOnlyList<(ImportStatement Statement, DateTimeOffset Timestamp)> statements, CancellationToken cancellationToken) =>
        (await api.SendAsync(HttpMethod.Post, "/xapi/statements", writer.Write(statements), cancellationToken)).Expect("POST /xapi/statements");

    public Task WithdrawAsync(IReadOnlyList<(ImportLearner Learner, DateTimeOffset At)> withdrawals, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            withdrawals,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (w, ct) => (await api.PostAsync($"/api/learners/{w.Learner.LearnerId}/enrollments/{courseId}/withdrawal", LearnerRequests.Withdrawal(w.At), ct))
                .Expect($"POST withdrawal of {w.Learner.LearnerId}", HttpStatusCode.Conflict));
}
