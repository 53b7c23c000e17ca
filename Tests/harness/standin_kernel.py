"""A stand-in for FlowQL's is_complete, to prove the console test for trailing pipes works before
the language is in the real kernel: a trailing `|` is `incomplete`, anything else `complete`, and
executing echoes the cell joined on one line. Run as: python standin_kernel.py -f CONNECTION_FILE"""
from ipykernel.kernelapp import IPKernelApp
from ipykernel.kernelbase import Kernel


class PipeStandInKernel(Kernel):
    implementation = "flowql-pipe-standin"
    implementation_version = "0"
    banner = "FlowQL is_complete stand-in (harness self-test)"
    language_info = {"name": "flowql", "mimetype": "text/x-flowql", "file_extension": ".flowql"}

    def do_execute(self, code, silent, store_history=True, user_expressions=None, allow_stdin=False,
                   *, cell_id=None):
        if not silent:
            self.send_response(self.iopub_socket, "execute_result", {
                "execution_count": self.execution_count,
                "data": {"text/plain": "ran: " + " ".join(code.split())}, "metadata": {}})
        return {"status": "ok", "execution_count": self.execution_count, "payload": [], "user_expressions": {}}

    def do_is_complete(self, code):
        if code.rstrip().endswith("|"):
            return {"status": "incomplete", "indent": ""}
        return {"status": "complete"}


if __name__ == "__main__":
    IPKernelApp.launch_instance(kernel_class=PipeStandInKernel)
