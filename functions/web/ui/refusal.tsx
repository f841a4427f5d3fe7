import type { Refusal } from '../../shared/errors.ts';

/** What a refused request says to a person, in the same words as the API's refusals. */
export const RefusalMessage = ({ refusal }: { refusal: Refusal }) => {
  switch (refusal.status) {
    case 'unauthorized':
      return (
        <p class="notice error">
          请先<a href="/auth/signin">登录</a>。
        </p>
      );
    case 'forbidden':
      return <p class="notice error">无权执行该操作（不在管辖范围内）。</p>;
    case 'notFound':
      return (
        <p class="notice error">
          未找到所请求的内容。请检查链接，或回到<a href="/">首页</a>查询。
        </p>
      );
    case 'conflict':
      return <p class="notice error">{refusal.message}</p>;
    case 'invalid':
      return (
        <div class="notice error" role="alert">
          <p>以下内容填写有误，请修改后重新提交：</p>
          <ul>
            {refusal.issues.map((i) => (
              <li>{i.path ? `${i.path}：${i.message}` : i.message}</li>
            ))}
          </ul>
        </div>
      );
  }
};

/** A one-sentence notice of a failure (a stale form, an internal error). */
export const ErrorNotice = ({ text }: { text: string }) => <p class="notice error">{text}</p>;
