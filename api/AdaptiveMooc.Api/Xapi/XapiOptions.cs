namespace AdaptiveMooc.Api.Xapi;

/// <summary>
/// <c>Mooc:PublicBaseUrl</c>: the base of actor homePages and activity ids (docs/API.md, xAPI);
/// <c>Mooc:Xapi:MaxStatementsPerLearner</c>: the storage quota per learner (docs/SECURITY.md).
/// </summary>
public sealed class XapiOptions
{
    public const string DefaultBaseUrl = "http://127.0.0.1:5080";

    public const long DefaultMaxStatementsPerLearner = 100_000;

    public string PublicBaseUrl { get; set; } = DefaultBaseUrl;

    public string Base => PublicBaseUrl.TrimEnd('/');

    /// <summary>Statements one learner may hold (<c>Mooc:Xapi:MaxStatementsPerLearner</c>); beyond it 403 naming the actor.</summary>
    public long MaxStatementsPerLearner { get; set; } = DefaultMaxStatementsPerLearner;
}
