namespace AdaptiveMooc.Grains.LrsForwarding;

/// <summary>One statement of the log as it is forwarded: its sequence, id, learner and stored JSON.</summary>
internal sealed record ForwardedStatement(long Sequence, Guid Id, string LearnerId, string Json);
