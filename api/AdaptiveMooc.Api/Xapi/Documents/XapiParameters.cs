using AdaptiveMooc.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Xapi.Documents;

/// <summary>
/// The query parameters of one xAPI request, read exactly as the specification spells them: a parameter the
/// resource does not define, one spelt in another case, or one given twice is a 400 naming it
/// (Communication 3.2: "any parameters which the LRS does not recognize", "matching ... in all but case").
/// </summary>
internal sealed class XapiParameters
{
    private readonly Dictionary<string, string> values;

    private XapiParameters(Dictionary<string, string> values) => this.values = values;

    public static ProblemHttpResult? TryRead(HttpRequest request, IReadOnlyCollection<string> allowed, out XapiParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        parameters = new XapiParameters(values);
        foreach (var (name, value) in request.Query)
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                var near = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
                return Problems.BadRequest(
                    near is null
                        ? $"{name} is not a parameter of this resource (it takes {string.Join(", ", allowed)})."
                        : $"{name} is not a parameter of this resource; parameters are case-sensitive: {near}.",
                    name);
            }

            if (value.Count != 1)
            {
                return Problems.BadRequest($"{name} is given {value.Count} times; give it once.", name);
            }

            values[name] = value.ToString();
        }

        return null;
    }

    public string? this[string name] => values.GetValueOrDefault(name);

    public bool Has(string name) => values.ContainsKey(name);
}
