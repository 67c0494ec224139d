using AdaptiveMooc.Tools.Import;

namespace AdaptiveMooc.Tools.Tests;

/// <summary>
/// A replay target that records what the platform would have acknowledged, checking that nothing is
/// posted with a time after the clock's now; <see cref="RefuseFromCall"/> makes it fail like a
/// platform that stops answering, <see cref="CrashAfterCall"/> like a process killed after the
/// acknowledgement and before the progress was saved.
/// </summary>
internal sealed class RecordingTarget(TimeProvider time, StatementWriter writer) : IReplayTarget
{
    private int calls;

    public List<(Guid Id, DateTimeOffset Timestamp, ImportStatement Statement)> Statements { get; } = [];

    public List<(string LearnerId, DateTimeOffset At)> Enrolments { get; } = [];

    public List<(string LearnerId, DateTimeOffset At)> Withdrawals { get; } = [];

    public int? RefuseFromCall { get; set; }

    public int? CrashAfterCall { get; set; }

    public Task EnrolAsync(IReadOnlyList<(ImportLearner Learner, DateTimeOffset At)> enrolments, CancellationToken cancellationToken) =>
        Record(() => Enrolments.AddRange(enrolments.Select(e => (e.Learner.LearnerId, e.At))), enrolments.Select(e => e.At));

    public Task PostAsync(IReadOnlyList<(ImportStatement Statement, DateTimeOffset Timestamp)> statements, CancellationToken cancellationToken) =>
        Record(() => Statements.AddRange(statements.Select(s => (writer.IdOf(s.Statement), s.Timestamp, s.Statement))), statements.Select(s => s.Timestamp));

    public Task WithdrawAsync(IReadOnlyList<(ImportLearner Learner, DateTimeOffset At)> withdrawals, CancellationToken cancellationToken) =>
        Record(() => Withdrawals.AddRange(withdrawals.Select(w => (w.Learner.LearnerId, w.At))), withdrawals.Select(w => w.At));

    private Task Record(Action record, IEnumerable<DateTimeOffset> instants)
    {
        var call = ++calls;
        if (call >= RefuseFromCall)
        {
            throw new HttpRequestException("the platform did not answer");
        }

        var now = time.GetUtcNow();
        Assert.All(instants, at => Assert.True(at <= now, $"{at:O} posted at {now:O}: in the future"));
        record();
        if (call == CrashAfterCall)
        {
            throw new OperationCanceledException("killed after the acknowledgement");
        }

        return Task.CompletedTask;
    }
}
