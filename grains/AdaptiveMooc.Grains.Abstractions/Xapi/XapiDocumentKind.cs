namespace AdaptiveMooc.Grains.Abstractions.Xapi;

/// <summary>The three document resources of xAPI 1.0.3 (Communication 2.3, 2.6, 2.7).</summary>
public enum XapiDocumentKind
{
    State = 1,
    ActivityProfile = 2,
    AgentProfile = 3,
}
