using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Schedly.Functions.Http;
using Schedly.LocalRunner.Discovery;

namespace Schedly.LocalRunner.Triggers;

/// <summary>
/// Maps every HTTP trigger to a Kestrel endpoint at <c>/{routePrefix}/{route}</c> with the
/// attribute's methods, and runs the function's <see cref="IActionResult"/> as the Functions
/// ASP.NET Core integration does. Escaping exceptions get the same problem mapping as the Functions
/// middleware.
/// </summary>
public static class HttpTriggerEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, IEnumerable<HttpFunction> functions, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var function in functions)
        {
            var template = CombineRoute(routePrefix, function.Route);
            var routeParameters = RoutePatternFactory.Parse(template).Parameters
                .Select(p => p.Name)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            FunctionInvoker.EnsureBindable(function, routeParameters);
            var methods = function.HttpMethods is { Count: > 0 } declared
                ? declared.Select(m => m.ToUpperInvariant()).ToArray()
                : null;
            var builder = methods is null
                ? endpoints.Map(template, context => InvokeAsync(context, function))
                : endpoints.MapMethods(template, methods, context => InvokeAsync(context, function));
            builder.WithDisplayName(function.Name);
        }
    }

    public static string CombineRoute(string routePrefix, string route)
    {
        var prefix = routePrefix.Trim('/');
        var path = route.Trim('/');
        return prefix.Length == 0 ? "/" + path : $"/{prefix}/{path}";
    }

    private static async Task InvokeAsync(HttpContext context, HttpFunction function)
    {
        var routeValues = context.GetRouteData().Values
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        IActionResult? result;
        try
        {
            var returned = await FunctionInvoker.InvokeAsync(
                context.RequestServices, function, context.Request, routeValues, context.RequestAborted).ConfigureAwait(false);
            result = returned as IActionResult
                ?? throw new InvalidOperationException($"Function '{function.Name}' returned {returned?.GetType().Name ?? "null"}, not an IActionResult.");
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Schedly.LocalRunner.Http");
            result = ExceptionProblems.ToProblem(e is AggregateException { InnerException: { } inner } ? inner : e, logger);
        }

        if (!context.RequestAborted.IsCancellationRequested)
        {
            await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
        }
    }
}
