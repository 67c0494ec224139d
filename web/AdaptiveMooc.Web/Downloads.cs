using AdaptiveMooc.Web.Api;
using AdaptiveMooc.Web.Session;
using Microsoft.AspNetCore.Antiforgery;

namespace AdaptiveMooc.Web;

/// <summary>Form posts and files that are plain HTTP rather than component pages: sign-out, the plan as iCalendar, the learner CSV.</summary>
public static class Downloads
{
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/signout", async (HttpContext http, SignInService signIn) =>
        {
            await signIn.SignOutAsync(http, http.RequestAborted);
            return Results.Redirect("/");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute(true));

        app.MapGet("/my/plan.ics", async (HttpContext http, MoocApi api, ApiCredentials credentials) =>
        {
            credentials.UsePrincipal(http.User);
            var plan = await api.LearnerPlanAsync(http.User.Identity!.Name!, 4, http.RequestAborted);
            var courses = await Task.WhenAll(plan.Sessions.Select(s => s.CourseId).Distinct(StringComparer.Ordinal)
                .Select(id => api.CourseAsync(id, http.RequestAborted)));
            var ics = PlanCalendar.ToICalendar(plan, courses.ToDictionary(c => c.Id, StringComparer.Ordinal));
            return Results.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "study-plan.ics");
        }).RequireAuthorization(policy => policy.RequireRole(WebClaims.Learner));

        app.MapGet("/learn/{courseId}/plan.ics", async (string courseId, HttpContext http, MoocApi api, ApiCredentials credentials) =>
        {
            credentials.UsePrincipal(http.User);
            var learnerId = http.User.Identity!.Name!;
            var planTask = api.PlanAsync(learnerId, courseId, 4, http.RequestAborted);
            var courseTask = api.CourseAsync(courseId, http.RequestAborted);
            var ics = PlanCalendar.ToICalendar(await courseTask, await planTask);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"{courseId}-plan.ics");
        }).RequireAuthorization(policy => policy.RequireRole(WebClaims.Learner));

        app.MapGet("/learn/{courseId}/webinars/{webinarId:guid}.ics", async (string courseId, Guid webinarId, HttpContext http, MoocApi api, ApiCredentials credentials) =>
        {
            credentials.UsePrincipal(http.User);
            var webinarTask = api.WebinarAsync(courseId, webinarId, http.RequestAborted);
            var courseTask = api.CourseAsync(courseId, http.RequestAborted);
            var ics = WebinarCalendar.ToICalendar(await webinarTask, (await courseTask).Title);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"webinar-{webinarId:D}.ics");
        }).RequireAuthorization(policy => policy.RequireRole(WebClaims.Learner));

        app.MapGet("/trainer/courses/{courseId}/at-risk.csv", async (string courseId, HttpContext http, MoocApi api, ApiCredentials credentials) =>
        {
            credentials.UsePrincipal(http.User);
            var analyticsTask = api.AnalyticsAsync(courseId, null, http.RequestAborted);
            var learnersTask = api.AnalyticsCsvAsync(courseId, null, http.RequestAborted);
            var rows = AtRiskTable.Join((await analyticsTask).AtRisk, AtRiskTable.LastActivity(await learnersTask));
            return Results.File(System.Text.Encoding.UTF8.GetBytes(AtRiskTable.ToCsv(rows)), "text/csv; charset=utf-8", $"{courseId}-at-risk.csv");
        }).RequireAuthorization(policy => policy.RequireRole(WebClaims.Trainer, WebClaims.Admin));

        app.MapGet("/trainer/courses/{courseId}/learners.csv", async (string courseId, HttpContext http, MoocApi api, ApiCredentials credentials) =>
        {
            credentials.UsePrincipal(http.User);
            var csv = await api.AnalyticsCsvAsync(courseId, http.RequestAborted);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"{courseId}-learners.csv");
        }).RequireAuthorization(policy => policy.RequireRole(WebClaims.Trainer, WebClaims.Admin));

        // The person's data export: the API answers it only to their own token, which lives in this session.
        app.MapGet("/account/export/{exportId:guid}/archive", async (Guid exportId, HttpContext http, MoocApi api, ApiCredentials credentials) =>
        {
            credentials.UsePrincipal(http.User);
            var zip = await api.ExportArchiveAsync(exportId, http.RequestAborted);
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(zip, "application/zip", $"adaptive-mooc-export-{exportId:N}.zip");
        }).RequireAuthorization(policy => policy.RequireRole(WebClaims.Learner));
        return app;
    }
}
