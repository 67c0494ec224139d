using AdaptiveMooc.ML.Oulad;

namespace AdaptiveMooc.ML.Risk;

/// <summary>What the risk model predicts.</summary>
public enum RiskTarget
{
    /// <summary>Final result Withdrawn, or an unregistration date (<see cref="OuladRegistration.Withdrawn"/>).</summary>
    Withdrawn,

    /// <summary>Withdrawn as above, or final result Fail.</summary>
    AtRisk,
}

/// <summary>Names and labels of <see cref="RiskTarget"/>.</summary>
public static class RiskTargets
{
    public static string Name(this RiskTarget target) => target == RiskTarget.Withdrawn ? "withdrawn" : "at-risk";

    public static RiskTarget Parse(string? text) => text switch
    {
        "withdrawn" => RiskTarget.Withdrawn,
        "at-risk" => RiskTarget.AtRisk,
        _ => throw new ArgumentException("--target must be withdrawn or at-risk", nameof(text)),
    };

    public static bool Label(this RiskTarget target, OuladRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return target == RiskTarget.Withdrawn ? registration.Withdrawn : registration.AtRisk;
    }
}
