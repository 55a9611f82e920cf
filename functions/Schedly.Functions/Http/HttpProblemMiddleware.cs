using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Schedly.Functions.Http;

/// <summary>
/// The one exception middleware: an exception escaping an HTTP function becomes a problem
/// response (503 for storage faults). Queue and timer failures are rethrown untouched so the
/// host's retry and poison-queue machinery sees them.
/// </summary>
public sealed class HttpProblemMiddleware(ILogger<HttpProblemMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (IsHttpTrigger(context))
        {
            var invocationResult = context.GetInvocationResult();
            invocationResult.Value = ExceptionProblems.ToProblem(e is AggregateException { InnerException: { } inner } ? inner : e, logger);
        }
    }

    private static bool IsHttpTrigger(FunctionContext context) =>
        context.FunctionDefinition.InputBindings.Values.Any(binding =>
            binding.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase));
}
