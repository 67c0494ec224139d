namespace AdaptiveMooc.Tools.Import;

/// <summary>Where a replay posts (the platform's public API; a recorder in tests). Each call returns once the platform acknowledged all of it.</summary>
internal interface IReplayTarget
{
    Task EnrolAsync(IReadOnlyList<(ImportLearner Learner, DateTimeOffset At)> enrolments, CancellationToken cancellationToken);

    Task PostAsync(IReadOnlyList<(ImportStatement Statement, DateTimeOffset Timestamp)> statements, CancellationToken cancellationToken);

    Task WithdrawAsync(IReadOnlyList<(ImportLearner Learner, DateTimeOffset At)> withdrawals, CancellationToken cancellationToken);
}
