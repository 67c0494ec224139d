namespace AdaptiveMooc.Tools.Import;

/// <summary>What a <see cref="TimelineEvent"/> is; at the same instant, enrolments come first and withdrawals last.</summary>
internal enum TimelineKind
{
    Enrolment = 0,
    Statement = 1,
    Withdrawal = 2,
}
