namespace AdaptiveMooc.Grains.Abstractions.Cmi5;

/// <summary>The verbs and ids of the cmi5 specification (sections 9.3, 9.6).</summary>
public static class Cmi5Verbs
{
    public const string Launched = "http://adlnet.gov/expapi/verbs/launched";
    public const string Initialized = "http://adlnet.gov/expapi/verbs/initialized";
    public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    public const string Passed = "http://adlnet.gov/expapi/verbs/passed";
    public const string Failed = "http://adlnet.gov/expapi/verbs/failed";
    public const string Abandoned = "https://w3id.org/xapi/adl/verbs/abandoned";
    public const string Waived = "https://w3id.org/xapi/adl/verbs/waived";
    public const string Terminated = "http://adlnet.gov/expapi/verbs/terminated";
    public const string Satisfied = "https://w3id.org/xapi/adl/verbs/satisfied";
    public const string Voided = "http://adlnet.gov/expapi/verbs/voided";

    public const string Category = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
    public const string MoveOnCategory = "https://w3id.org/xapi/cmi5/context/categories/moveon";
    public const string SessionIdExtension = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
    public const string MasteryScoreExtension = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
    public const string LaunchModeExtension = "https://w3id.org/xapi/cmi5/context/extensions/launchmode";
    public const string LaunchUrlExtension = "https://w3id.org/xapi/cmi5/context/extensions/launchurl";
    public const string MoveOnExtension = "https://w3id.org/xapi/cmi5/context/extensions/moveon";
    public const string ReasonExtension = "https://w3id.org/xapi/cmi5/result/extensions/reason";

    /// <summary>The verbs whose statements are "cmi5 defined" when an AU sends them.</summary>
    public static bool IsAuDefined(string verb) => verb is Initialized or Completed or Passed or Failed or Terminated;
}
