namespace AdaptiveMooc.Web.Tests.Components;

/// <summary>The admin audit filter form becomes the API's query: trimmed text, whole UTC days, nothing for empty fields.</summary>
public sealed class AuditQueryTests
{
    [Fact]
    public void Filled_fields_become_parameters_and_the_to_day_is_included()
    {
        var query = new AuditQuery { Actor = " grace ", Action = "course.", Target = "  ", From = new DateTime(2027, 1, 2), To = new DateTime(2027, 1, 3) };

        var parameters = query.Parameters().Where(p => p.Value is not null).ToDictionary(p => p.Name, p => p.Value);

        Assert.Equal("grace", parameters["actor"]);
        Assert.Equal("course.", parameters["action"]);
        Assert.False(parameters.ContainsKey("target"));
        Assert.Equal("2027-01-02T00:00:00.0000000+00:00", parameters["from"]);
        Assert.Equal("2027-01-04T00:00:00.0000000+00:00", parameters["to"]);
    }

    [Fact]
    public void An_empty_form_filters_nothing() =>
        Assert.All(new AuditQuery().Parameters(), p => Assert.Null(p.Value));
}
