namespace AdaptiveMooc.Grains.Planning;

/// <summary>Something at a fixed time (a registered webinar): study sessions never overlap it.</summary>
internal sealed record FixedEvent(DateTimeOffset Start, DateTimeOffset End, string Label);
