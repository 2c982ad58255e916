// Only with lib esnext (tsconfig.esnext.json): the `Symbol.dispose` the declarations declare for es2022 hosts
// is the lib's own, so a Mounted is a `Disposable` and works with `using`.
import { mount } from "../../dist/pkg/summit_explainer.js";

const disposable: Disposable = mount(document.body);
{
  using handle = mount(document.body);
  handle.openSection("space");
}

console.log(disposable);
