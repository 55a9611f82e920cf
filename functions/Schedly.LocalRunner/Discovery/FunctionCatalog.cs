using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Schedly.LocalRunner.Discovery;

/// <summary>
/// Finds every <c>[Function]</c> method of an assembly and classifies it by its trigger attribute,
/// exactly as the Functions SDK does when it writes <c>functions.metadata</c>. A method whose
/// parameters the runner cannot bind fails discovery, so a mismatch shows at start-up.
/// </summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions) => Functions = functions;

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public IEnumerable<HttpFunction> Http => Functions.OfType<HttpFunction>();

    public IEnumerable<QueueFunction> Queues => Functions.OfType<QueueFunction>();

    public IEnumerable<TimerFunction> Timers => Functions.OfType<TimerFunction>();

    public static FunctionCatalog Discover(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var functions = new List<FunctionDescriptor>();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is { } function)
                {
                    functions.Add(Describe(function.Name, type, method));
                }
            }
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two functions are named '{duplicate.Key}'.");
        }

        return new FunctionCatalog(functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList());
    }

    private static FunctionDescriptor Describe(string name, Type type, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                return new HttpFunction(name, type, method, parameter, http.Methods, http.Route ?? name);
            }

            if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
            {
                return new QueueFunction(name, type, method, parameter, queue.QueueName, queue.Connection ?? "AzureWebJobsStorage");
            }

            if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
            {
                return new TimerFunction(name, type, method, parameter, timer.Schedule, timer.RunOnStartup);
            }
        }

        throw new InvalidOperationException(
            $"Function '{name}' ({type.Name}.{method.Name}) has no HTTP, queue or timer trigger the local runner can host.");
    }
}
