using AdaptiveMooc.Grains.Abstractions.LrsForwarding;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>A page of dead letters in log order; <c>next</c> is the <c>after</c> of the following page (null on the last).</summary>
public sealed record LrsForwardingDeadLetterList(IReadOnlyList<LrsForwardingDeadLetter> Items, long? Next);
