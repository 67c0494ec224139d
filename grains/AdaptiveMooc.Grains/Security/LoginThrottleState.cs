namespace AdaptiveMooc.Grains.Security;

[GenerateSerializer, Alias("mooc.security.LoginThrottleState")]
internal sealed class LoginThrottleState
{
    [Id(0)] public int Failures { get; set; }
    [Id(1)] public DateTimeOffset? FirstFailureAt { get; set; }
    [Id(2)] public DateTimeOffset? LockedUntil { get; set; }
}
