using System.Net;
using AdaptiveMooc.Web.Api;
using AdaptiveMooc.Web.Components.Shared;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AdaptiveMooc.Web.Tests.Components;

/// <summary>Forms: the API's field error shows beside that field only, and the course draft survives a round trip.</summary>
public sealed class FormTests
{
    // MudBlazor's services dispose only asynchronously, so each test owns its context with await using.
    private static BunitContext MudContext()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }

    [Theory]
    [InlineData("modules[0].lessons[1].minutes", "modules[0].lessons[1].minutes", true)]
    [InlineData("modules[0].lessons[1].prerequisites[0]", "modules[0].lessons[1].prerequisites", true)]
    [InlineData("modules[0].lessons[1].minutes", "modules[0].lessons[1].title", false)]
    [InlineData("modules[0].lessons[10].minutes", "modules[0].lessons[1].minutes", false)]
    [InlineData("title", "titles", false)]
    public async Task Field_error_shows_beside_its_own_field_only(string reported, string field, bool shown)
    {
        await using var context = MudContext();
        var problem = new ApiException(HttpStatusCode.BadRequest, new ApiProblem("Invalid", $"{reported} is wrong.", 400, reported));
        var cut = context.Render<FieldError>(p => p.Add(x => x.Problem, problem).Add(x => x.Field, field));

        Assert.Equal(shown, cut.FindAll(".field-error").Count == 1);
    }

    [Fact]
    public async Task Course_form_shows_the_error_beside_the_lesson_field_and_keeps_the_values()
    {
        await using var context = MudContext();
        var draft = new CourseDraft { Id = "c1", Title = "Budgeting" };
        draft.Modules[0].Lessons[0].Title = "Where the money goes";
        draft.Modules[0].Lessons[0].Minutes = 0;
        var problem = new ApiException(
            HttpStatusCode.BadRequest, new ApiProblem("Invalid", "modules[0].lessons[0].minutes must be between 1 and 1440.", 400, "modules[0].lessons[0].minutes"));
        context.Render<MudPopoverProvider>();
        var cut = context.Render<CourseForm>(p => p.Add(x => x.Draft, draft).Add(x => x.IsNew, true).Add(x => x.Problem, problem));

        var error = Assert.Single(cut.FindAll(".field-error"));
        Assert.Contains("minutes must be between 1 and 1440", error.TextContent, StringComparison.Ordinal);
        var item = error.ParentElement!;
        Assert.NotNull(item.QuerySelector("#lesson-0-0-minutes"));
        Assert.Equal("Where the money goes", cut.Find("#lesson-0-0-title").GetAttribute("value"));
        Assert.Equal("Budgeting", cut.Find("#course-title").GetAttribute("value"));
    }

    [Fact]
    public void Course_draft_round_trips_lists_typed_as_text()
    {
        var draft = new CourseDraft { Id = " c1 ", Title = "T", Field = "f", PricingKind = "paid", Price = 12.5m, Currency = " EUR ", CertificateKind = "certificate" };
        draft.Modules[0].Lessons[0] = new CourseDraft.LessonDraft { Id = "l1", Title = "L", Skills = "npv, irr ,", Prerequisites = "", DueDay = 7 };

        var body = draft.ToBody();

        Assert.Equal("c1", body.Id);
        Assert.Equal(new Pricing("paid", 12.5m, "EUR"), body.Pricing);
        var lesson = Assert.Single(Assert.Single(body.Modules).Lessons!);
        Assert.Equal(["npv", "irr"], lesson.Skills);
        Assert.Empty(lesson.Prerequisites!);
        Assert.Equal(7, lesson.DueDay);

        var course = new Course(body.Id, body.Title, body.Field, null, "en", body.Pricing, body.Certificate, null, body.Modules, false, null, "t", [], 1);
        var again = CourseDraft.From(course);
        Assert.Equal("npv, irr", again.Modules[0].Lessons[0].Skills);
        Assert.Equal(12.5m, again.Price);
    }

    [Fact]
    public async Task Windows_editor_adds_and_removes_windows()
    {
        await using var context = MudContext();
        var windows = new List<WindowsEditor.WindowRow> { new() { Day = "monday", Start = "19:00", End = "21:00" } };
        context.Render<MudPopoverProvider>();
        var cut = context.Render<WindowsEditor>(p => p.Add(x => x.Windows, windows).Add(x => x.TimeZone, "Europe/Paris"));

        cut.FindAll("button").First(b => b.TextContent.Contains("Add a window", StringComparison.Ordinal)).Click();
        Assert.Equal(2, windows.Count);
        Assert.Equal(2, cut.FindAll("[data-testid=window-row]").Count);
        cut.FindAll("button").First(b => b.TextContent.Contains("Remove", StringComparison.Ordinal)).Click();
        var left = Assert.Single(windows);
        Assert.Equal(new Window("monday", "19:00", "21:00"), left.ToWindow() with { Day = left.Day });
        Assert.Contains("Europe/Paris", cut.Markup, StringComparison.Ordinal);
    }
}
