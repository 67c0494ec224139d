using System.Net.Http.Headers;
using System.Text;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>How a test request authenticates: nothing, a bearer token, an API key, or Basic.</summary>
public sealed class Credential
{
    private readonly Action<HttpRequestMessage> apply;

    private Credential(string description, Action<HttpRequestMessage> apply)
    {
        Description = description;
        this.apply = apply;
    }

    public string Description { get; }

    public static Credential None { get; } = new("anonymous", _ => { });

    public static Credential Bearer(string token) =>
        new("bearer", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token));

    public static Credential Key(string key) => new("api key", r => r.Headers.Add("X-Api-Key", key));

    public static Credential Basic(string user, string password) =>
        new("basic", r => r.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))));

    public void Apply(HttpRequestMessage request) => apply(request);

    public override string ToString() => Description;
}
