namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>Whether a login may be attempted now, and if not, for how long it stays closed.</summary>
[GenerateSerializer, Immutable, Alias("mooc.security.LoginGate")]
public sealed record LoginGate([property: Id(0)] bool Allowed, [property: Id(1)] TimeSpan RetryAfter)
{
    public static readonly LoginGate Open = new(true, TimeSpan.Zero);
}
